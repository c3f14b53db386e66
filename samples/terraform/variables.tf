variable "project_id" {
  type        = string
  description = "The project Crema runs in (its service account, config, lease bucket and service live here)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id is a project ID: 6 to 30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "The region of the Crema service and its lease bucket."
  default     = "us-central1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region is a Cloud Run region such as us-central1."
  }
}

variable "image" {
  type        = string
  description = "The Crema image to run, built with samples/cloud-run/cloudbuild.yaml (REGION-docker.pkg.dev/PROJECT/crema/crema:COMMIT)."

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?/[^ ]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})$", var.image))
    error_message = "image is a registry path with a tag or a digest, for example us-central1-docker.pkg.dev/acme/crema/crema:1a2b3c4."
  }
}

variable "config_file" {
  type        = string
  description = "Path of the crema.yaml to deploy (validate it first: crema validate --config crema.yaml). Its scaleTargetRef names and trigger types decide the grants, as in deploy.sh."

  validation {
    condition     = fileexists(var.config_file)
    error_message = "config_file names no file."
  }
}

variable "config_store" {
  type        = string
  description = "secret: a Secret Manager secret mounted at /etc/crema/crema.yaml; parametermanager: a Parameter Manager version named in CREMA_CONFIG (read again every 30 s)."
  default     = "secret"

  validation {
    condition     = contains(["secret", "parametermanager"], var.config_store)
    error_message = "config_store is secret or parametermanager."
  }
}

variable "config_name" {
  type        = string
  description = "The name of the config secret or parameter."
  default     = "crema-config"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,63}$", var.config_name))
    error_message = "config_name is 1 to 63 letters, digits, hyphens or underscores."
  }
}

variable "workload_service_accounts" {
  type        = list(string)
  description = "Runtime service accounts of the worker pools and services Crema scales: Cloud Run refuses an update by a principal that may not act as the resource's service account."
  default     = []

  validation {
    condition     = alltrue([for email in var.workload_service_accounts : can(regex("^[^@ ]+@[a-z0-9.-]+\\.gserviceaccount\\.com$", email))])
    error_message = "workload_service_accounts holds service account emails (NAME@PROJECT.iam.gserviceaccount.com)."
  }
}

variable "trigger_secrets" {
  type        = list(string)
  description = "Secret Manager secrets (IDs in project_id) that gcpSecretManager trigger authentications read."
  default     = []

  validation {
    condition     = alltrue([for secret in var.trigger_secrets : can(regex("^[A-Za-z0-9_-]{1,255}$", secret))])
    error_message = "trigger_secrets holds secret IDs (letters, digits, hyphens, underscores)."
  }
}

variable "trigger_buckets" {
  type        = list(string)
  description = "Buckets that gcp-storage triggers count objects in (NAME or gs://NAME)."
  default     = []

  validation {
    condition     = alltrue([for bucket in var.trigger_buckets : can(regex("^(gs://)?[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]$", bucket))])
    error_message = "trigger_buckets holds bucket names, with or without gs://."
  }
}

variable "run_developer_scope" {
  type        = string
  description = "targets: roles/run.developer on each scaleTargetRef in config_file; project: project-wide, for targets created later (a check warns)."
  default     = "targets"

  validation {
    condition     = contains(["targets", "project"], var.run_developer_scope)
    error_message = "run_developer_scope is targets or project."
  }
}

variable "monitoring_viewer" {
  type        = bool
  description = "Grant roles/monitoring.viewer on the project. null (default): when config_file has a trigger that reads Cloud Monitoring (gcp-pubsub, gcp-stackdriver, gcp-cloudtasks, cpu, memory, prometheus on monitoring.googleapis.com), as deploy.sh decides."
  default     = null
}

variable "lease" {
  type        = bool
  description = "Create the lease bucket PROJECT_ID-crema and set CREMA_LEASE (docs/leader-election.md): only the lease holder writes instance counts, which keeps a rollout safe."
  default     = true
}

variable "service_name" {
  type        = string
  description = "The Cloud Run service that runs Crema."
  default     = "crema"

  validation {
    condition     = can(regex("^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$", var.service_name))
    error_message = "service_name is 1 to 49 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "service_account_id" {
  type        = string
  description = "The account ID of Crema's service account (ACCOUNT_ID@PROJECT_ID.iam.gserviceaccount.com)."
  default     = "crema"

  validation {
    condition     = can(regex("^[a-z]([a-z0-9-]{4,28}[a-z0-9])$", var.service_account_id))
    error_message = "service_account_id is 6 to 30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to destroy the Crema service (terraform destroy fails until this is false and applied)."
  default     = true
}
