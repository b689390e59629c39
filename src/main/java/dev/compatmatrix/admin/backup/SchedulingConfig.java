package dev.compatmatrix.admin.backup;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs scheduled jobs (the nightly backup, when configured). */
@Configuration
@EnableScheduling
class SchedulingConfig {}
