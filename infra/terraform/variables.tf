variable "project_id" {
  description = "ID of the Google Cloud project."
  type        = string
}

variable "region" {
  description = "Region for Cloud Run, Cloud SQL, Artifact Registry and the media bucket."
  type        = string
  default     = "southamerica-east1" # São Paulo
}

variable "name" {
  description = "Base name of the resources (Cloud Run service, SQL instance prefix, repository...)."
  type        = string
  default     = "piloto"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}[a-z0-9]$", var.name))
    error_message = "Use 3 to 22 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "image" {
  description = "Container image to run, e.g. southamerica-east1-docker.pkg.dev/PROJECT/piloto/app:TAG (see README.md)."
  type        = string
}

variable "app_url" {
  description = "Public URL of the app (APP_URL), without a trailing slash, e.g. https://app.pilotodevendas.ia. Empty: the service's own deterministic run.app URL."
  type        = string
  default     = ""

  validation {
    condition     = var.app_url == "" || can(regex("^https://[^/]+$", var.app_url))
    error_message = "app_url must look like https://host (no path, no trailing slash)."
  }
}

variable "google_client_id" {
  description = "OAuth client ID for \"Entrar com Google\" (GOOGLE_CLIENT_ID). Empty: Google sign-in off."
  type        = string
  default     = ""
}

variable "enable_google_sign_in" {
  description = "Pass GOOGLE_CLIENT_SECRET to the app. Turn on only after adding a version to the secret (README.md): Cloud Run refuses a revision whose secret has no version."
  type        = bool
  default     = false
}

variable "enable_smtp" {
  description = "Pass SMTP_URL to the app. Turn on only after adding a version to the secret (README.md). Off: e-mails are only written to the log."
  type        = bool
  default     = false
}

variable "mail_from" {
  description = "Sender of the e-mails (MAIL_FROM), e.g. \"PilotoDeVendas.IA <nao-responda@seudominio.com.br>\". Empty: the app's default."
  type        = string
  default     = ""
}

variable "log_level" {
  description = "LOG_LEVEL of the app."
  type        = string
  default     = "info"
}

# ---- Cloud Run ----

variable "min_instances" {
  description = "Instances kept running. At least 1: webhooks must answer fast and the pg-boss workers (follow-ups, debounce timers, outbox) run inside the instance."
  type        = number
  default     = 1

  validation {
    condition     = var.min_instances >= 1
    error_message = "min_instances must be at least 1 (the workers live in the instance)."
  }
}

variable "max_instances" {
  description = "Upper bound of instances. Each one opens up to DATABASE_POOL_MAX + 5 connections to Cloud SQL (pg-boss pool of 4, one LISTEN client); during a deploy old and new instances overlap. Keep 2 x max_instances x that below max_connections."
  type        = number
  default     = 3
}

variable "cpu" {
  description = "vCPUs per instance."
  type        = string
  default     = "1"
}

variable "memory" {
  description = "Memory per instance."
  type        = string
  default     = "1Gi"
}

variable "request_concurrency" {
  description = "Concurrent requests per instance. Each open inbox tab holds one SSE request, so this is well above Cloud Run's default of 80."
  type        = number
  default     = 250
}

variable "database_pool_max" {
  description = "DATABASE_POOL_MAX: connections of the app's own pool per instance."
  type        = number
  default     = 10

  validation {
    condition     = var.database_pool_max >= 2
    error_message = "database_pool_max must be at least 2."
  }
}

# ---- Cloud SQL ----

variable "db_tier" {
  description = "Cloud SQL machine type (Enterprise edition), e.g. db-custom-1-3840 (1 vCPU, 3.75 GB) or db-custom-2-7680."
  type        = string
  default     = "db-custom-1-3840"
}

variable "db_high_availability" {
  description = "REGIONAL availability (a standby in another zone with automatic failover). Doubles the database's cost."
  type        = bool
  default     = false
}

variable "db_disk_size_gb" {
  description = "Initial SSD size in GB; it grows automatically."
  type        = number
  default     = 10
}

variable "db_max_connections" {
  description = "Sets the max_connections flag. null: Cloud SQL's default for the tier's memory."
  type        = number
  default     = null
}

variable "db_backup_retention" {
  description = "Number of daily automated backups kept."
  type        = number
  default     = 14
}

# ---- Media bucket ----

variable "media_bucket_name" {
  description = "Name of the media bucket (globally unique). Empty: PROJECT_ID-NAME-media."
  type        = string
  default     = ""
}

variable "media_delete_after_days" {
  description = "Delete media objects older than this many days. 0: keep forever."
  type        = number
  default     = 0
}
