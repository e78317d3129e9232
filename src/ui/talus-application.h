/* talus-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: command-line options (handled by talus-commands.c before any window opens),
 * the knowledge base loaded once at startup (shipped, then the user's folder), app actions.
 */
#pragma once

#include <adwaita.h>

#include "talus-knowledge-base.h"

G_BEGIN_DECLS

#define TALUS_TYPE_APPLICATION (talus_application_get_type ())
G_DECLARE_FINAL_TYPE (TalusApplication, talus_application, TALUS, APPLICATION, AdwApplication)

TalusApplication   *talus_application_new                (void);
/* Valid after startup. */
TalusKnowledgeBase *talus_application_get_knowledge_base (TalusApplication *self);
/* GError* of user knowledge-base files that failed to load. */
GPtrArray          *talus_application_get_load_errors    (TalusApplication *self);

G_END_DECLS
