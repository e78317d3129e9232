/* talus-ottawa-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-ottawa-page.h"

static const struct {
  TalusOttawaFindings  finding;
  const char          *landmark;
} landmarks[] = {
  { TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER, "ottawa-lateral-malleolus" },
  { TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER, "ottawa-medial-malleolus" },
  { TALUS_OTTAWA_FIFTH_METATARSAL_TENDER, "ottawa-fifth-metatarsal" },
  { TALUS_OTTAWA_NAVICULAR_TENDER, "ottawa-navicular" },
};

#define N_CHECKS 7

struct _TalusOttawaPage
{
  AdwBin               parent_instance;

  TalusOttawaFindings  findings;
  TalusAudience        audience;
  gboolean             syncing;

  GtkCheckButton      *checks[N_CHECKS]; /* indexed by the bit of the finding */
  GtkBox              *ankle_box;
  GtkLabel            *ankle_result;
  GtkLabel            *ankle_reason;
  GtkBox              *foot_box;
  GtkLabel            *foot_result;
  GtkLabel            *foot_reason;
};

enum {
  PROP_0,
  PROP_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TalusOttawaPage, talus_ottawa_page, ADW_TYPE_BIN)

static const char *
criterion_text (TalusOttawaFindings finding)
{
  switch (finding)
    {
    case TALUS_OTTAWA_MALLEOLAR_PAIN:
      return _("pain in the malleolar zone");
    case TALUS_OTTAWA_MIDFOOT_PAIN:
      return _("pain in the midfoot zone");
    case TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER:
      return _("bone tenderness at the posterior edge or tip of the medial malleolus");
    case TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER:
      return _("bone tenderness at the posterior edge or tip of the lateral malleolus");
    case TALUS_OTTAWA_FIFTH_METATARSAL_TENDER:
      return _("bone tenderness at the base of the fifth metatarsal");
    case TALUS_OTTAWA_NAVICULAR_TENDER:
      return _("bone tenderness at the navicular");
    case TALUS_OTTAWA_CANNOT_BEAR_WEIGHT:
      return _("unable to bear weight for four steps, both immediately and at assessment");
    default:
      return "";
    }
}

static char *
describe_criteria (TalusOttawaFindings criteria)
{
  GString *out = g_string_new (NULL);

  for (guint bit = 0; bit < N_CHECKS; bit++)
    {
      TalusOttawaFindings finding = 1 << bit;

      if ((criteria & finding) == 0)
        continue;
      g_string_append_printf (out, "%s• %s", out->len > 0 ? "\n" : "", criterion_text (finding));
    }
  return g_string_free (out, FALSE);
}

static void
set_result (GtkBox     *box,
            GtkLabel   *result_label,
            GtkLabel   *reason_label,
            gboolean    indicated,
            const char *title,
            const char *reason)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", title,
                                           indicated ? _("indicated") : _("not indicated"));

  gtk_label_set_label (result_label, text);
  gtk_label_set_label (reason_label, reason);
  gtk_widget_remove_css_class (GTK_WIDGET (box), indicated ? "not-indicated" : "indicated");
  gtk_widget_add_css_class (GTK_WIDGET (box), indicated ? "indicated" : "not-indicated");
}

static void
update_result (TalusOttawaPage *self)
{
  TalusOttawaResult result;
  g_autofree char *ankle = NULL;
  g_autofree char *foot = NULL;
  g_autofree char *ankle_reason = NULL;
  g_autofree char *foot_reason = NULL;

  talus_ottawa_evaluate (self->findings, &result);

  if (result.ankle_xray)
    {
      ankle = describe_criteria (result.ankle_criteria);
      ankle_reason = g_strdup_printf ("%s\n%s", _("Because of:"), ankle);
    }
  else if ((self->findings & TALUS_OTTAWA_MALLEOLAR_PAIN) == 0)
    ankle_reason = g_strdup (_("No pain in the malleolar zone."));
  else
    ankle_reason = g_strdup (_("Malleolar pain, but no malleolar bone tenderness and able to bear weight."));

  if (result.foot_xray)
    {
      foot = describe_criteria (result.foot_criteria);
      foot_reason = g_strdup_printf ("%s\n%s", _("Because of:"), foot);
    }
  else if ((self->findings & TALUS_OTTAWA_MIDFOOT_PAIN) == 0)
    foot_reason = g_strdup (_("No pain in the midfoot zone."));
  else
    foot_reason = g_strdup (_("Midfoot pain, but no tenderness at the fifth metatarsal base or navicular and able to bear weight."));

  set_result (self->ankle_box, self->ankle_result, self->ankle_reason, result.ankle_xray,
              _("Ankle X-ray series"), ankle_reason);
  set_result (self->foot_box, self->foot_result, self->foot_reason, result.foot_xray,
              _("Foot X-ray series"), foot_reason);
}

static void
sync_checks (TalusOttawaPage *self)
{
  self->syncing = TRUE;
  for (guint bit = 0; bit < N_CHECKS; bit++)
    gtk_check_button_set_active (self->checks[bit], (self->findings & (1 << bit)) != 0);
  self->syncing = FALSE;
}

static void
check_toggled_cb (GtkCheckButton  *button,
                  TalusOttawaPage *self)
{
  TalusOttawaFindings findings = 0;

  if (self->syncing)
    return;

  for (guint bit = 0; bit < N_CHECKS; bit++)
    if (gtk_check_button_get_active (self->checks[bit]))
      findings |= 1 << bit;

  talus_ottawa_page_set_findings (self, findings);
}

static void
reset_cb (GtkButton       *button,
          TalusOttawaPage *self)
{
  talus_ottawa_page_set_findings (self, 0);
}

static void
talus_ottawa_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TalusOttawaPage *self = TALUS_OTTAWA_PAGE (object);

  switch (prop_id)
    {
    case PROP_FINDINGS:
      g_value_set_uint (value, self->findings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_ottawa_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TalusOttawaPage *self = TALUS_OTTAWA_PAGE (object);

  switch (prop_id)
    {
    case PROP_FINDINGS:
      talus_ottawa_page_set_findings (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_ottawa_page_class_init (TalusOttawaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *check_names[N_CHECKS] = {
    "malleolar_check", "midfoot_check", "medial_check", "lateral_check", "fifth_check",
    "navicular_check", "weight_check",
  };

  object_class->get_property = talus_ottawa_page_get_property;
  object_class->set_property = talus_ottawa_page_set_property;

  properties[PROP_FINDINGS] =
    g_param_spec_uint ("findings", NULL, NULL, 0, (1 << N_CHECKS) - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/talus-ottawa-page.ui");
  for (guint bit = 0; bit < N_CHECKS; bit++)
    gtk_widget_class_bind_template_child_full (widget_class, check_names[bit], FALSE,
      G_STRUCT_OFFSET (TalusOttawaPage, checks) + bit * sizeof (gpointer));
  gtk_widget_class_bind_template_child (widget_class, TalusOttawaPage, ankle_box);
  gtk_widget_class_bind_template_child (widget_class, TalusOttawaPage, ankle_result);
  gtk_widget_class_bind_template_child (widget_class, TalusOttawaPage, ankle_reason);
  gtk_widget_class_bind_template_child (widget_class, TalusOttawaPage, foot_box);
  gtk_widget_class_bind_template_child (widget_class, TalusOttawaPage, foot_result);
  gtk_widget_class_bind_template_child (widget_class, TalusOttawaPage, foot_reason);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_cb);
}

static void
talus_ottawa_page_init (TalusOttawaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The findings are sentences: they wrap to the side panel's width instead of widening it. */
  for (guint bit = 0; bit < N_CHECKS; bit++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->checks[bit]));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (child), 0.0);
        }

  update_result (self);
}

GtkWidget *
talus_ottawa_page_new (void)
{
  return g_object_new (TALUS_TYPE_OTTAWA_PAGE, NULL);
}

TalusOttawaFindings
talus_ottawa_page_get_findings (TalusOttawaPage *self)
{
  g_return_val_if_fail (TALUS_IS_OTTAWA_PAGE (self), 0);
  return self->findings;
}

void
talus_ottawa_page_set_findings (TalusOttawaPage     *self,
                                TalusOttawaFindings  findings)
{
  g_return_if_fail (TALUS_IS_OTTAWA_PAGE (self));

  if (self->findings == findings)
    return;

  self->findings = findings;
  sync_checks (self);
  update_result (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDINGS]);
}

gboolean
talus_ottawa_page_toggle_landmark (TalusOttawaPage *self,
                                   const char      *structure_id)
{
  g_return_val_if_fail (TALUS_IS_OTTAWA_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (landmarks); i++)
    {
      if (g_strcmp0 (structure_id, landmarks[i].landmark) == 0)
        {
          TalusOttawaFindings findings = self->findings ^ landmarks[i].finding;

          /* Tenderness at a malleolus or in the midfoot implies pain in that zone. */
          if ((findings & landmarks[i].finding) != 0)
            {
              if (landmarks[i].finding & (TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER
                                          | TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER))
                findings |= TALUS_OTTAWA_MALLEOLAR_PAIN;
              else
                findings |= TALUS_OTTAWA_MIDFOOT_PAIN;
            }
          talus_ottawa_page_set_findings (self, findings);
          return TRUE;
        }
    }
  return FALSE;
}

char **
talus_ottawa_page_dup_marked_landmarks (TalusOttawaPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TALUS_IS_OTTAWA_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (landmarks); i++)
    if (self->findings & landmarks[i].finding)
      g_strv_builder_add (builder, landmarks[i].landmark);
  return g_strv_builder_end (builder);
}

void
talus_ottawa_page_set_audience (TalusOttawaPage *self,
                                TalusAudience    audience)
{
  g_return_if_fail (TALUS_IS_OTTAWA_PAGE (self));
  self->audience = audience;
}
