package dev.compatmatrix.watch;

import java.time.LocalDateTime;

/** One of a user's watches; {@code modelDeleted} when the watched model has been deleted since. Times are UTC. */
public record Watch(long id, WatchTarget target, boolean modelDeleted, LocalDateTime createdAt) {}
