# Crema's service account and each role on the one resource that needs it (the table in
# samples/cloud-run/README.md). A test checks these roles against deploy.sh's.

resource "google_service_account" "crema" {
  project      = var.project_id
  account_id   = var.service_account_id
  display_name = "Crema autoscaler"

  depends_on = [google_project_service.apis]
}

# Reads and updates the instance count of each scaleTargetRef, in its own project and region.
resource "google_cloud_run_v2_worker_pool_iam_member" "run_developer" {
  for_each = local.run_developer_project_wide ? {} : local.worker_pool_targets

  project  = each.value.project
  location = each.value.location
  name     = each.value.name
  role     = "roles/run.developer"
  member   = local.crema_member
}

resource "google_cloud_run_v2_service_iam_member" "run_developer" {
  for_each = local.run_developer_project_wide ? {} : local.service_targets

  project  = each.value.project
  location = each.value.location
  name     = each.value.name
  role     = "roles/run.developer"
  member   = local.crema_member
}

# With no target in the config, or run_developer_scope = "project": every service and worker pool there.
resource "google_project_iam_member" "run_developer" {
  count = local.run_developer_project_wide ? 1 : 0

  project = var.project_id
  role    = "roles/run.developer"
  member  = local.crema_member
}

check "run_developer_scope" {
  assert {
    condition     = !local.run_developer_project_wide
    error_message = "roles/run.developer project-wide on ${var.project_id} (no scaleTargetRef found in ${var.config_file}, or run_developer_scope = \"project\"): Crema may change every service and worker pool there."
  }
}

# Cloud Run refuses an update by a principal that may not act as the target's runtime service account.
resource "google_service_account_iam_member" "act_as_workload" {
  for_each = toset(var.workload_service_accounts)

  # "-" lets IAM find the account's project from its email (workloads may live in other projects).
  service_account_id = "projects/-/serviceAccounts/${each.value}"
  role               = "roles/iam.serviceAccountUser"
  member             = local.crema_member
}

check "workload_service_accounts" {
  assert {
    condition     = length(var.workload_service_accounts) > 0 || length(local.targets) == 0
    error_message = "workload_service_accounts is empty: Cloud Run refuses Crema's updates until it may act as each target's service account."
  }
}

# Cloud Monitoring has no per-metric IAM: the triggers that read it need the project's.
resource "google_project_iam_member" "monitoring_viewer" {
  count = local.monitoring_viewer ? 1 : 0

  project = var.project_id
  role    = "roles/monitoring.viewer"
  member  = local.crema_member
}

resource "google_secret_manager_secret_iam_member" "trigger_secrets" {
  for_each = toset(var.trigger_secrets)

  project   = var.project_id
  secret_id = each.value
  role      = "roles/secretmanager.secretAccessor"
  member    = local.crema_member
}

resource "google_storage_bucket_iam_member" "trigger_buckets" {
  for_each = local.trigger_buckets

  bucket = each.value
  role   = "roles/storage.objectViewer"
  member = local.crema_member
}

# Reads and replaces the lease object (a replacing upload needs storage.objects.delete as well as create).
resource "google_storage_bucket_iam_member" "lease" {
  count = var.lease ? 1 : 0

  bucket = google_storage_bucket.lease[0].name
  role   = "roles/storage.objectUser"
  member = local.crema_member
}

resource "google_secret_manager_secret_iam_member" "config" {
  count = local.secret_store ? 1 : 0

  project   = var.project_id
  secret_id = google_secret_manager_secret.config[0].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = local.crema_member
}

# Parameter Manager has no per-parameter IAM policy: a condition keeps the project-level role to this parameter.
resource "google_project_iam_member" "parameter_accessor" {
  count = local.secret_store ? 0 : 1

  project = var.project_id
  role    = "roles/parametermanager.parameterAccessor"
  member  = local.crema_member

  condition {
    title      = "crema-${var.config_name}-only"
    expression = "resource.name.endsWith(\"/parameters/${var.config_name}\") || resource.name.contains(\"/parameters/${var.config_name}/\")"
  }
}
