package cn.gongfu.kernel;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the current caller may see, applied by every service to every query: a set of regions (null for
 * all) and, for reporters and unit heads, the set of units whose tasks they see (null for no such limit).
 * Without a signed-in user the scope is empty: nothing leaks through a route that forgot to require login.
 */
public record Scope(GongfuUser user, Set<String> regions, Set<Long> units) {

    private static final Scope NONE = new Scope(null, Set.of(), Set.of());
    private static final ThreadLocal<Scope> PUBLIC_READ = new ThreadLocal<>();

    /**
     * Runs a read for the public view: every region is visible, but there is no user, so no command can
     * run. The caller shows only what the office published (published plans, published rankings).
     */
    public static <T> T readingForThePublic(java.util.function.Supplier<T> read) {
        PUBLIC_READ.set(new Scope(null, null, null));
        try {
            return read.get();
        } finally {
            PUBLIC_READ.remove();
        }
    }

    /** The scope of the signed-in user (from a session or an API token), or the empty scope. */
    public static Scope current() {
        if (PUBLIC_READ.get() != null) return PUBLIC_READ.get();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof GongfuUser user)) return NONE;
        return of(user);
    }

    public static Scope of(GongfuUser user) {
        if (user.has(Role.ADMIN)) return new Scope(user, null, null);
        boolean regionWide = user.hasAny(Role.OFFICE, Role.LEADER);
        return new Scope(user, user.regionScope(), regionWide ? null : user.unitIds());
    }

    public boolean coversRegion(String code) {
        return regions == null || regions.contains(code);
    }

    /** Whether the scope's work includes this unit's: every unit when not limited to units. */
    public boolean coversUnit(long unitId) {
        return units == null || units.contains(unitId);
    }

    /** Limits a query to the scope's regions through {@code column}. */
    public Where restrictRegion(Where where, String column) {
        if (regions == null) return where;
        if (regions.isEmpty()) return where.and("1 = 0");
        return where.and(column + " in (:scopeRegions)", "scopeRegions", regions);
    }

    /** Out of scope reads as absent: a user learns nothing about what lies outside it. */
    public void requireRegion(String code, String resource, Object id) {
        if (!coversRegion(code)) throw new NotFoundException(resource, id);
    }

    /** Commands check the role in the service too, not only at the URL. */
    public GongfuUser require(Role... roles) {
        if (user == null || !user.hasAny(roles)) throw new AccessDeniedException("requires one of the roles " + java.util.List.of(roles));
        return user;
    }
}
