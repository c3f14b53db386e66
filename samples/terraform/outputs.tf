output "service_account_email" {
  description = "Crema's service account."
  value       = google_service_account.crema.email
}

output "service_name" {
  description = "The Cloud Run service running Crema."
  value       = google_cloud_run_v2_service.crema.name
}

output "service_uri" {
  description = "The service's URL (internal ingress: reachable from the project's networks only)."
  value       = google_cloud_run_v2_service.crema.uri
}

output "lease" {
  description = "CREMA_LEASE, the lease object (null without the lease)."
  value       = var.lease ? local.lease_uri : null
}

output "config_version" {
  description = "The config version the service reads: the secret version number, or the parameter version's name."
  value = (local.secret_store
    ? google_secret_manager_secret_version.config[0].version
  : "${local.parameter_prefix}/${var.config_name}/versions/${google_parameter_manager_parameter_version.config[0].parameter_version_id}")
}

output "scale_targets" {
  description = "The scaleTargetRef names found in config_file (roles/run.developer is granted on each unless project-wide)."
  value       = local.targets
}
