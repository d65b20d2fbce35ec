CREATE TABLE `clusterings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`analysis_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`params` text NOT NULL,
	`featurizer` text NOT NULL,
	`metrics` text NOT NULL,
	`summaries` text NOT NULL,
	`sequence_count` integer NOT NULL,
	`cluster_count` integer NOT NULL,
	`noise_count` integer NOT NULL,
	`dimensions` integer NOT NULL,
	`ordinals` blob NOT NULL,
	`coordinates` blob NOT NULL,
	`assignments` blob NOT NULL,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `clusterings_dataset` ON `clusterings` (`dataset_id`);