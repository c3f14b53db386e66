# Crema on Cloud Run, as samples/cloud-run/deploy.sh deploys it: the APIs, the config (a secret or a
# Parameter Manager version), the lease bucket and the derived settings. iam.tf grants the roles,
# service.tf runs the service.

locals {
  config = file(var.config_file)
  # deploy.sh reads the config with comments cut (sed 's/#.*//'): a target commented out is no target.
  config_without_comments = replace(local.config, "/#.*/", "")

  # Every Cloud Run resource name in the config: the scaleTargetRefs Crema writes to.
  targets = sort(distinct(regexall(
    "projects/[a-z0-9-]+/locations/[a-z0-9-]+/(?:workerPools|workerpools|services)/[a-z0-9-]+",
    local.config_without_comments,
  )))
  target_parts = { for target in local.targets : target => split("/", target) }
  worker_pool_targets = {
    for target, part in local.target_parts : target => { project = part[1], location = part[3], name = part[5] }
    if part[4] != "services"
  }
  service_targets = {
    for target, part in local.target_parts : target => { project = part[1], location = part[3], name = part[5] }
    if part[4] == "services"
  }
  run_developer_project_wide = var.run_developer_scope == "project" || length(local.targets) == 0

  # Triggers that read Cloud Monitoring, which has no per-metric IAM (the same pattern as deploy.sh).
  reads_cloud_monitoring = length(regexall(
    "type:[[:space:]]*[\"']?(gcp-(pubsub|stackdriver|cloudtasks)|cpu|memory)\\b|monitoring\\.googleapis\\.com",
    local.config_without_comments,
  )) > 0
  monitoring_viewer = var.monitoring_viewer != null ? var.monitoring_viewer : local.reads_cloud_monitoring

  secret_store     = var.config_store == "secret"
  uses_secrets     = local.secret_store || length(var.trigger_secrets) > 0
  lease_bucket     = "${var.project_id}-crema"
  lease_uri        = "gs://${local.lease_bucket}/leader"
  crema_member     = google_service_account.crema.member
  trigger_buckets  = toset([for bucket in var.trigger_buckets : trimprefix(bucket, "gs://")])
  parameter_prefix = "projects/${var.project_id}/locations/global/parameters"

  # Artifact Registry and Cloud Build are left out: the image is built before (variable image).
  # Cloud Resource Manager serves the project IAM grants Terraform makes.
  apis = toset(concat(
    ["run.googleapis.com", "iam.googleapis.com", "storage.googleapis.com", "monitoring.googleapis.com", "cloudresourcemanager.googleapis.com"],
    local.uses_secrets ? ["secretmanager.googleapis.com"] : [],
    local.secret_store ? [] : ["parametermanager.googleapis.com"],
  ))
}

resource "google_project_service" "apis" {
  for_each = local.apis

  project = var.project_id
  service = each.value
  # Other workloads in the project may use these APIs: destroying Crema leaves them enabled.
  disable_on_destroy = false
}

# The config as a secret: a new version for each change of the file, mounted by its number.
resource "google_secret_manager_secret" "config" {
  count = local.secret_store ? 1 : 0

  project   = var.project_id
  secret_id = var.config_name

  replication {
    auto {}
  }

  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_version" "config" {
  count = local.secret_store ? 1 : 0

  secret      = google_secret_manager_secret.config[0].id
  secret_data = local.config

  # The running revision mounts the old version until the new revision is ready.
  lifecycle {
    create_before_destroy = true
  }
}

# The config as a YAML parameter, its version named by the file's content as deploy.sh names it.
resource "google_parameter_manager_parameter" "config" {
  count = local.secret_store ? 0 : 1

  project      = var.project_id
  parameter_id = var.config_name
  format       = "YAML"

  depends_on = [google_project_service.apis]
}

resource "google_parameter_manager_parameter_version" "config" {
  count = local.secret_store ? 0 : 1

  parameter            = google_parameter_manager_parameter.config[0].id
  parameter_version_id = "c-${substr(sha256(local.config), 0, 16)}"
  parameter_data       = local.config

  # The running revision reads the old version every 30 s until the new revision is ready.
  lifecycle {
    create_before_destroy = true
  }
}

# The lease: one bucket, no soft delete and no versioning (every renewal replaces the object).
resource "google_storage_bucket" "lease" {
  count = var.lease ? 1 : 0

  project                     = var.project_id
  name                        = local.lease_bucket
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  soft_delete_policy {
    retention_duration_seconds = 0
  }

  versioning {
    enabled = false
  }

  depends_on = [google_project_service.apis]
}
