/* talus-kb.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything of the knowledge-base layer (no GTK).
 */
#pragma once

#include "talus-care-option.h"
#include "talus-catalog.h"
#include "talus-condition.h"
#include "talus-diagnostic.h"
#include "talus-differential.h"
#include "talus-entry.h"
#include "talus-kb-types.h"
#include "talus-knowledge-base.h"
#include "talus-link.h"
#include "talus-ottawa.h"
#include "talus-red-flag.h"
#include "talus-reference.h"
#include "talus-region.h"
#include "talus-structure.h"
#include "talus-symptom.h"
