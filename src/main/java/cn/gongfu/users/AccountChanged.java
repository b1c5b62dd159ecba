package cn.gongfu.users;

/**
 * An account changed in a way its open sessions must not outlive: disabled, its password reset or changed, its roles
 * or units changed. A session keeps the user as they were at sign-in, so security ends the account's sessions (all
 * but the caller's own with {@code keepCallersSession}, after the caller changed their own password). Published
 * synchronously: the sessions end before the request that changed the account returns.
 */
public record AccountChanged(String username, boolean keepCallersSession) {}
