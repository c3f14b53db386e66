# One instance, CPU always allocated, private, probes on /readyz and /healthz, the lease on: the service
# deploy.sh writes for gcloud run services replace.

resource "google_cloud_run_v2_service" "crema" {
  project             = var.project_id
  location            = var.region
  name                = var.service_name
  ingress             = "INGRESS_TRAFFIC_INTERNAL_ONLY"
  deletion_protection = var.deletion_protection

  template {
    service_account = google_service_account.crema.email

    scaling {
      min_instance_count = 1
      max_instance_count = 1
    }

    containers {
      image = var.image
      args  = local.secret_store ? ["run", "--config", "/etc/crema/crema.yaml"] : ["run"]

      ports {
        container_port = 8080
      }

      resources {
        # CPU always allocated: Crema polls between requests.
        cpu_idle = false
      }

      env {
        name  = "GOOGLE_CLOUD_PROJECT"
        value = var.project_id
      }

      # Cloud Run sends SIGKILL 10 s after SIGTERM: crema run exits within this grace (its default).
      env {
        name  = "CREMA_SHUTDOWN_GRACE"
        value = "8"
      }

      dynamic "env" {
        for_each = var.lease ? [local.lease_uri] : []
        content {
          name  = "CREMA_LEASE"
          value = env.value
        }
      }

      dynamic "env" {
        for_each = google_parameter_manager_parameter_version.config
        content {
          name  = "CREMA_CONFIG"
          value = "${local.parameter_prefix}/${var.config_name}/versions/${env.value.parameter_version_id}"
        }
      }

      startup_probe {
        period_seconds    = 2
        failure_threshold = 60

        http_get {
          path = "/readyz"
          port = 8080
        }
      }

      liveness_probe {
        period_seconds = 10

        http_get {
          path = "/healthz"
          port = 8080
        }
      }

      dynamic "volume_mounts" {
        for_each = google_secret_manager_secret_version.config
        content {
          name       = "config"
          mount_path = "/etc/crema"
        }
      }
    }

    dynamic "volumes" {
      for_each = google_secret_manager_secret_version.config
      content {
        name = "config"

        secret {
          secret = google_secret_manager_secret.config[0].secret_id

          items {
            version = volumes.value.version
            path    = "crema.yaml"
          }
        }
      }
    }
  }

  # The revision starts only when it may read its config and the lease.
  depends_on = [
    google_secret_manager_secret_iam_member.config,
    google_project_iam_member.parameter_accessor,
    google_storage_bucket_iam_member.lease,
  ]
}
