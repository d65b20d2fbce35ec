CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`action` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`content_sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sequence_count` integer NOT NULL,
	`invalid_count` integer NOT NULL,
	`total_bases` integer NOT NULL,
	`source_files` text NOT NULL,
	`metadata_columns` text NOT NULL,
	`metadata_report` text,
	`error_count` integer NOT NULL,
	`errors` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_content_sha256` ON `datasets` (`content_sha256`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`status` text NOT NULL,
	`input` text NOT NULL,
	`result` text,
	`error` text,
	`created_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE TABLE `sequences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`seq_id` text NOT NULL,
	`description` text NOT NULL,
	`length` integer NOT NULL,
	`n_count` integer NOT NULL,
	`ambiguous_count` integer NOT NULL,
	`gc_count` integer NOT NULL,
	`n_fraction` real NOT NULL,
	`gc_fraction` real NOT NULL,
	`sequence` text NOT NULL,
	`quality` text,
	`metadata` text,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sequences_dataset_seq_id` ON `sequences` (`dataset_id`,`seq_id`);--> statement-breakpoint
CREATE INDEX `sequences_dataset_ordinal` ON `sequences` (`dataset_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `sequences_dataset_length` ON `sequences` (`dataset_id`,`length`);--> statement-breakpoint
CREATE INDEX `sequences_dataset_n_fraction` ON `sequences` (`dataset_id`,`n_fraction`);--> statement-breakpoint
CREATE INDEX `sequences_dataset_gc_fraction` ON `sequences` (`dataset_id`,`gc_fraction`);