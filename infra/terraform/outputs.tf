output "service_url" {
  description = "URL of the Cloud Run service."
  value       = google_cloud_run_v2_service.app.uri
}

output "app_url" {
  description = "APP_URL given to the app."
  value       = local.app_url
}

output "google_oauth_redirect_uri" {
  description = "Authorized redirect URI to register in the Google OAuth client."
  value       = "${local.app_url}/api/auth/callback/google"
}

output "instance_connection_name" {
  description = "Cloud SQL instance connection name (PROJECT:REGION:INSTANCE), for cloud-sql-proxy."
  value       = google_sql_database_instance.main.connection_name
}

output "media_bucket" {
  description = "Media bucket (MEDIA_BUCKET)."
  value       = google_storage_bucket.media.name
}

output "image_repository" {
  description = "Artifact Registry path for the images: push IMAGE_REPOSITORY/app:TAG."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.app.repository_id}"
}

output "service_account_email" {
  description = "Service account the app runs as."
  value       = google_service_account.run.email
}

output "secret_ids" {
  description = "Secret Manager secrets, by environment variable."
  value       = { for k, s in google_secret_manager_secret.app : k => s.secret_id }
}
