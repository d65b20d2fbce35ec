CREATE TABLE `analyses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`pathogen_id` text NOT NULL,
	`reference_sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sequence_count` integer NOT NULL,
	`aligned_count` integer NOT NULL,
	`failed_count` integer NOT NULL,
	`good_count` integer NOT NULL,
	`mediocre_count` integer NOT NULL,
	`bad_count` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analyses_dataset_pathogen` ON `analyses` (`dataset_id`,`pathogen_id`);--> statement-breakpoint
CREATE TABLE `mutation_carriers` (
	`mutation_id` integer NOT NULL,
	`result_id` integer NOT NULL,
	PRIMARY KEY(`mutation_id`, `result_id`),
	FOREIGN KEY (`mutation_id`) REFERENCES `mutation_counts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`result_id`) REFERENCES `sequence_results`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mutation_carriers_result` ON `mutation_carriers` (`result_id`);--> statement-breakpoint
CREATE TABLE `mutation_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`analysis_id` integer NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`gene` text,
	`aa_changes` text,
	`count` integer NOT NULL,
	`frequency` real NOT NULL,
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mutation_counts_analysis_label` ON `mutation_counts` (`analysis_id`,`label`);--> statement-breakpoint
CREATE INDEX `mutation_counts_analysis_position` ON `mutation_counts` (`analysis_id`,`position`);--> statement-breakpoint
CREATE INDEX `mutation_counts_analysis_count` ON `mutation_counts` (`analysis_id`,`count`);--> statement-breakpoint
CREATE TABLE `sequence_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`analysis_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`seq_id` text NOT NULL,
	`failure` text,
	`calls` text,
	`qc` text,
	`qc_score` real,
	`qc_verdict` text,
	`nearest` text,
	`substitution_count` integer NOT NULL,
	`deletion_count` integer NOT NULL,
	`insertion_count` integer NOT NULL,
	`missing_count` integer NOT NULL,
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sequence_results_analysis_seq` ON `sequence_results` (`analysis_id`,`seq_id`);--> statement-breakpoint
CREATE INDEX `sequence_results_analysis_ordinal` ON `sequence_results` (`analysis_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `sequence_results_analysis_score` ON `sequence_results` (`analysis_id`,`qc_score`);