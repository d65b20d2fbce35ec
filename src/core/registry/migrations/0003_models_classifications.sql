CREATE TABLE `classifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`model_version_id` integer NOT NULL,
	`analysis_id` integer,
	`pathogen_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sequence_count` integer NOT NULL,
	`assigned_count` integer NOT NULL,
	`unassigned_count` integer NOT NULL,
	`unassigned_by_reason` text NOT NULL,
	`recombinant_count` integer NOT NULL,
	`label_counts` text NOT NULL,
	`confidence_threshold` real NOT NULL,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `classifications_dataset` ON `classifications` (`dataset_id`);--> statement-breakpoint
CREATE TABLE `model_aliases` (
	`pathogen_id` text NOT NULL,
	`task` text NOT NULL,
	`alias` text NOT NULL,
	`model_version_id` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`pathogen_id`, `task`, `alias`),
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `model_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` text NOT NULL,
	`task` text NOT NULL,
	`pathogen_id` text NOT NULL,
	`family` text NOT NULL,
	`description` text NOT NULL,
	`featurizer` text NOT NULL,
	`labels` text NOT NULL,
	`confidence_threshold` real NOT NULL,
	`temperature` real NOT NULL,
	`headline` text NOT NULL,
	`source` text NOT NULL,
	`bundle_sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`bundle_path` text NOT NULL,
	`created_at` text NOT NULL,
	`tool_version` text NOT NULL,
	`registered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_versions_name_version` ON `model_versions` (`name`,`version`);--> statement-breakpoint
CREATE INDEX `model_versions_pathogen` ON `model_versions` (`pathogen_id`);--> statement-breakpoint
CREATE TABLE `predictions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`classification_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`seq_id` text NOT NULL,
	`label` text,
	`top_label` text,
	`confidence` real NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`detail` text,
	`top` text NOT NULL,
	`fallback_label` text,
	`fallback_exemplar` text,
	`fallback_distance` integer,
	`recombinant` text,
	`qc_verdict` text,
	`aa_substitutions` text NOT NULL,
	FOREIGN KEY (`classification_id`) REFERENCES `classifications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `predictions_classification_seq` ON `predictions` (`classification_id`,`seq_id`);--> statement-breakpoint
CREATE INDEX `predictions_classification_ordinal` ON `predictions` (`classification_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `predictions_classification_confidence` ON `predictions` (`classification_id`,`confidence`);--> statement-breakpoint
CREATE INDEX `predictions_classification_top_label` ON `predictions` (`classification_id`,`top_label`);