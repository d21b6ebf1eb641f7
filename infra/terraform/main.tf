# PilotoDeVendas.IA on Google Cloud: one Cloud Run service (API + workers + SPA) over one Cloud SQL for
# PostgreSQL, secrets in Secret Manager, media in Cloud Storage. See README.md for the steps.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  labels = { app = var.name }

  # Cloud Run's deterministic URL (https://SERVICE-PROJECT_NUMBER.REGION.run.app), known before the
  # service exists, so APP_URL can be set on the very first deploy.
  run_app_url = "https://${var.name}-${data.google_project.this.number}.${var.region}.run.app"
  app_url     = var.app_url != "" ? var.app_url : local.run_app_url

  db_name = "piloto"
  db_user = "piloto"

  media_bucket = var.media_bucket_name != "" ? var.media_bucket_name : "${var.project_id}-${var.name}-media"

  # Secret Manager secrets, by the environment variable they become.
  secrets = {
    DATABASE_URL         = "${var.name}-database-url"
    AUTH_SECRET          = "${var.name}-auth-secret"
    SMTP_URL             = "${var.name}-smtp-url"
    GOOGLE_CLIENT_SECRET = "${var.name}-google-client-secret"
  }

  # Secrets passed to the app. SMTP_URL and GOOGLE_CLIENT_SECRET are created empty and filled by the
  # operator (`gcloud secrets versions add`); Cloud Run rejects a revision that references a secret
  # with no version, so they are wired only once their variable says they were filled.
  secret_env = concat(
    ["DATABASE_URL", "AUTH_SECRET"],
    var.enable_smtp ? ["SMTP_URL"] : [],
    var.enable_google_sign_in ? ["GOOGLE_CLIENT_SECRET"] : [],
  )

  plain_env = merge(
    {
      NODE_ENV          = "production"
      ROLE              = "all"
      APP_URL           = local.app_url
      TRUST_PROXY       = "true"
      MEDIA_BUCKET      = google_storage_bucket.media.name
      LOG_LEVEL         = var.log_level
      DATABASE_POOL_MAX = tostring(var.database_pool_max)
    },
    var.google_client_id != "" ? { GOOGLE_CLIENT_ID = var.google_client_id } : {},
    var.mail_from != "" ? { MAIL_FROM = var.mail_from } : {},
  )
}

# ---------------------------------------------------------------------------------------------------
# APIs
# ---------------------------------------------------------------------------------------------------

resource "google_project_service" "apis" {
  for_each = toset([
    "run.googleapis.com",
    "sqladmin.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
    "artifactregistry.googleapis.com",
    "iam.googleapis.com",
    "cloudresourcemanager.googleapis.com", # project IAM bindings
    "cloudbuild.googleapis.com",           # only for `gcloud builds submit` (README.md); harmless otherwise
  ])

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

# ---------------------------------------------------------------------------------------------------
# Artifact Registry: the app's images
# ---------------------------------------------------------------------------------------------------

resource "google_artifact_registry_repository" "app" {
  project       = var.project_id
  location      = var.region
  repository_id = var.name
  format        = "DOCKER"
  description   = "Imagens do PilotoDeVendas.IA"
  labels        = local.labels

  # Keep the 10 most recent images (rollbacks), delete the rest after 30 days (storage costs).
  cleanup_policy_dry_run = false
  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 10
    }
  }
  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"
    condition {
      tag_state  = "ANY"
      older_than = "2592000s"
    }
  }

  depends_on = [google_project_service.apis]
}

# ---------------------------------------------------------------------------------------------------
# Cloud SQL for PostgreSQL 17
# ---------------------------------------------------------------------------------------------------

resource "google_sql_database_instance" "main" {
  project          = var.project_id
  name             = "${var.name}-pg"
  region           = var.region
  database_version = "POSTGRES_17"

  # Terraform refuses to destroy the instance while this is true (and so does the API, below).
  deletion_protection = true

  settings {
    # Custom tiers (db-custom-*) exist only in the Enterprise edition; some projects default new
    # PostgreSQL 16+ instances to Enterprise Plus.
    edition           = "ENTERPRISE"
    tier              = var.db_tier
    availability_type = var.db_high_availability ? "REGIONAL" : "ZONAL"
    disk_type         = "PD_SSD"
    disk_size         = var.db_disk_size_gb
    disk_autoresize   = true
    user_labels       = local.labels

    deletion_protection_enabled = true

    backup_configuration {
      enabled                        = true
      start_time                     = "06:00" # UTC = 03:00 in Brasília
      point_in_time_recovery_enabled = true
      transaction_log_retention_days = 7
      backup_retention_settings {
        retained_backups = var.db_backup_retention
        retention_unit   = "COUNT"
      }
    }

    # Public IP with no authorized networks: nothing connects by address; Cloud Run reaches it through
    # the Cloud SQL connection (IAM-authorized, TLS) mounted as a unix socket. No VPC to run.
    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
    }

    maintenance_window {
      day          = 7 # Sunday
      hour         = 7 # UTC = 04:00 in Brasília
      update_track = "stable"
    }

    insights_config {
      query_insights_enabled = true
    }

    # pgvector and unaccent need no flag on Cloud SQL: the app's migrations run CREATE EXTENSION as a
    # user in the cloudsqlsuperuser role (every user created through the Cloud SQL API is).
    dynamic "database_flags" {
      for_each = var.db_max_connections == null ? [] : [var.db_max_connections]
      content {
        name  = "max_connections"
        value = tostring(database_flags.value)
      }
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_sql_database" "app" {
  project  = var.project_id
  instance = google_sql_database_instance.main.name
  name     = local.db_name
}

# Letters and digits only: the password goes inside DATABASE_URL without escaping.
resource "random_password" "db" {
  length  = 32
  special = false
}

resource "google_sql_user" "app" {
  project  = var.project_id
  instance = google_sql_database_instance.main.name
  name     = local.db_user
  password = random_password.db.result

  # PostgreSQL cannot drop a role that owns objects; on destroy just forget it.
  deletion_policy = "ABANDON"
}

# ---------------------------------------------------------------------------------------------------
# Secret Manager
# ---------------------------------------------------------------------------------------------------

resource "google_secret_manager_secret" "app" {
  for_each = local.secrets

  project   = var.project_id
  secret_id = each.value
  labels    = local.labels

  # Stored only in the app's region (data stays in Brazil with the default region).
  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_version" "database_url" {
  secret = google_secret_manager_secret.app["DATABASE_URL"].id
  # Unix socket of the Cloud SQL volume mounted at /cloudsql (node-postgres reads ?host=).
  secret_data = "postgres://${local.db_user}:${random_password.db.result}@/${local.db_name}?host=/cloudsql/${google_sql_database_instance.main.connection_name}"
}

resource "random_password" "auth_secret" {
  length  = 48
  special = false
}

resource "google_secret_manager_secret_version" "auth_secret" {
  secret      = google_secret_manager_secret.app["AUTH_SECRET"].id
  secret_data = random_password.auth_secret.result
}

# ---------------------------------------------------------------------------------------------------
# Cloud Storage: media (audio, images, documents)
# ---------------------------------------------------------------------------------------------------

resource "google_storage_bucket" "media" {
  project                     = var.project_id
  name                        = local.media_bucket
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false
  labels                      = local.labels

  versioning {
    enabled = false
  }

  dynamic "lifecycle_rule" {
    for_each = var.media_delete_after_days > 0 ? [var.media_delete_after_days] : []
    content {
      action {
        type = "Delete"
      }
      condition {
        age = lifecycle_rule.value
      }
    }
  }

  depends_on = [google_project_service.apis]
}

# ---------------------------------------------------------------------------------------------------
# Identity of the Cloud Run service
# ---------------------------------------------------------------------------------------------------

resource "google_service_account" "run" {
  project      = var.project_id
  account_id   = "${var.name}-run"
  display_name = "PilotoDeVendas.IA (Cloud Run)"

  depends_on = [google_project_service.apis]
}

resource "google_project_iam_member" "run_cloudsql_client" {
  project = var.project_id
  role    = "roles/cloudsql.client"
  member  = google_service_account.run.member
}

resource "google_secret_manager_secret_iam_member" "run_secret_access" {
  for_each = google_secret_manager_secret.app

  project   = var.project_id
  secret_id = each.value.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.run.member
}

resource "google_storage_bucket_iam_member" "run_media_admin" {
  bucket = google_storage_bucket.media.name
  role   = "roles/storage.objectAdmin"
  member = google_service_account.run.member
}

# ---------------------------------------------------------------------------------------------------
# Cloud Run: API + workers + SPA, one image
# ---------------------------------------------------------------------------------------------------

resource "google_cloud_run_v2_service" "app" {
  project             = var.project_id
  name                = var.name
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_ALL"
  deletion_protection = true
  labels              = local.labels

  template {
    service_account                  = google_service_account.run.email
    execution_environment            = "EXECUTION_ENVIRONMENT_GEN2"
    max_instance_request_concurrency = var.request_concurrency
    # Long enough for the inbox's server-sent events; the browser reconnects when a stream ends.
    timeout = "3600s"

    scaling {
      # Never scale to zero: WhatsApp/Stripe webhooks must be answered at once (providers give up and
      # retry on slow answers), and the pg-boss workers (inbound messages, AI debounce, follow-ups,
      # outbox) live inside the instance and only run while one is up.
      min_instance_count = var.min_instances
      max_instance_count = var.max_instances
    }

    volumes {
      name = "cloudsql"
      cloud_sql_instance {
        instances = [google_sql_database_instance.main.connection_name]
      }
    }

    containers {
      name  = "app"
      image = var.image

      ports {
        container_port = 8080
      }

      resources {
        limits = {
          cpu    = var.cpu
          memory = var.memory
        }
        # CPU stays allocated between requests ("instance-based billing"): pg-boss polls and runs jobs
        # outside any request, which a throttled CPU would starve.
        cpu_idle          = false
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = local.plain_env
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = toset(local.secret_env)
        content {
          name = env.value
          value_source {
            secret_key_ref {
              secret  = google_secret_manager_secret.app[env.value].secret_id
              version = "latest"
            }
          }
        }
      }

      volume_mounts {
        name       = "cloudsql"
        mount_path = "/cloudsql"
      }

      # /readyz answers once the database is reachable (migrations run before listening), 503 while
      # shutting down; up to 2 minutes for a first start that applies migrations.
      startup_probe {
        http_get {
          path = "/readyz"
        }
        initial_delay_seconds = 0
        period_seconds        = 5
        timeout_seconds       = 3
        failure_threshold     = 24
      }

      # /healthz only says the process answers: a database hiccup must not restart instances.
      liveness_probe {
        http_get {
          path = "/healthz"
        }
        period_seconds    = 30
        timeout_seconds   = 5
        failure_threshold = 3
      }
    }
  }

  traffic {
    type    = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"
    percent = 100
  }

  lifecycle {
    precondition {
      condition     = !var.enable_google_sign_in || var.google_client_id != ""
      error_message = "enable_google_sign_in needs google_client_id."
    }
  }

  # Cloud Run checks at deploy time that the service account can read every referenced secret version
  # and reach the instance.
  depends_on = [
    google_project_service.apis,
    google_secret_manager_secret_version.database_url,
    google_secret_manager_secret_version.auth_secret,
    google_secret_manager_secret_iam_member.run_secret_access,
    google_project_iam_member.run_cloudsql_client,
    google_storage_bucket_iam_member.run_media_admin,
    google_sql_database.app,
    google_sql_user.app,
  ]
}

# Public: it serves the web app and receives the providers' webhooks (authenticated by the app).
resource "google_cloud_run_v2_service_iam_member" "public" {
  project  = var.project_id
  location = google_cloud_run_v2_service.app.location
  name     = google_cloud_run_v2_service.app.name
  role     = "roles/run.invoker"
  member   = "allUsers"
}
