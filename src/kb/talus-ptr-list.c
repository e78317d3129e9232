/* talus-ptr-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-ptr-list.h"

struct _TalusPtrList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TalusPtrList, talus_ptr_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
talus_ptr_list_get_item_type (GListModel *model)
{
  return TALUS_PTR_LIST (model)->item_type;
}

static guint
talus_ptr_list_get_n_items (GListModel *model)
{
  return TALUS_PTR_LIST (model)->items->len;
}

static gpointer
talus_ptr_list_get_item (GListModel *model,
                         guint       position)
{
  TalusPtrList *self = TALUS_PTR_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = talus_ptr_list_get_item_type;
  iface->get_n_items = talus_ptr_list_get_n_items;
  iface->get_item = talus_ptr_list_get_item;
}

static void
talus_ptr_list_finalize (GObject *object)
{
  TalusPtrList *self = TALUS_PTR_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (talus_ptr_list_parent_class)->finalize (object);
}

static void
talus_ptr_list_class_init (TalusPtrListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_ptr_list_finalize;
}

static void
talus_ptr_list_init (TalusPtrList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

TalusPtrList *
talus_ptr_list_new (GType item_type)
{
  TalusPtrList *self = g_object_new (TALUS_TYPE_PTR_LIST, NULL);

  self->item_type = item_type;

  return self;
}

/* Nobody listens while the knowledge base is being built; emitting anyway cost as much as
 * building the lists. */
static void
items_changed (TalusPtrList *self,
               guint         position,
               guint         removed,
               guint         added)
{
  static guint signal_id;

  if (signal_id == 0)
    signal_id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);

  if (g_signal_has_handler_pending (self, signal_id, 0, TRUE))
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
talus_ptr_list_append (TalusPtrList *self,
                       gpointer      item)
{
  g_return_if_fail (TALUS_IS_PTR_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
  items_changed (self, self->items->len - 1, 0, 1);
}

void
talus_ptr_list_clear (TalusPtrList *self)
{
  guint n;

  g_return_if_fail (TALUS_IS_PTR_LIST (self));

  if ((n = self->items->len) == 0)
    return;

  g_ptr_array_set_size (self->items, 0);
  items_changed (self, 0, n, 0);
}

gboolean
talus_ptr_list_contains (TalusPtrList *self,
                         gpointer      item)
{
  g_return_val_if_fail (TALUS_IS_PTR_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, NULL);
}

guint
talus_ptr_list_get_length (TalusPtrList *self)
{
  g_return_val_if_fail (TALUS_IS_PTR_LIST (self), 0);

  return self->items->len;
}

gpointer
talus_ptr_list_index (TalusPtrList *self,
                      guint         position)
{
  g_return_val_if_fail (TALUS_IS_PTR_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

void
talus_ptr_list_sort (TalusPtrList     *self,
                     GCompareDataFunc  compare)
{
  g_return_if_fail (TALUS_IS_PTR_LIST (self));

  if (self->items->len < 2)
    return;

  /* g_ptr_array_sort_with_data is a stable merge sort; compare gets pointers to the items */
  g_ptr_array_sort_with_data (self->items, compare, NULL);
  items_changed (self, 0, self->items->len, self->items->len);
}
