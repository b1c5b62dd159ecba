package cn.gongfu.notify;

import java.time.LocalDateTime;

/** An in-app message to one user: what happened and where to act. */
record Notification(long id, long userId, String message, String link, LocalDateTime createdAt, LocalDateTime readAt) {}
