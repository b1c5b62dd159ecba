package cn.gongfu.kernel;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the current caller may see, applied by every service to every query: a set of regions (null for
 * all) and, for reporters and unit heads, the set of units whose tasks they see (null for no such limit).
 * Without a signed-in user the scope is empty: nothing leaks through a route that forgot to require login.
 * Background work runs in the explicit system scope ({@link #asSystem}): every region and unit, no user.
 */
public record Scope(GongfuUser user, Set<String> regions, Set<Long> units, boolean system) {

    /** The name the audit log records for what the system does on its own. */
    public static final String SYSTEM_ACTOR = "system";

    private static final Scope NONE = new Scope(null, Set.of(), Set.of(), false);
    private static final Scope SYSTEM = new Scope(null, null, null, true);
    private static final ThreadLocal<Scope> PUBLIC_READ = new ThreadLocal<>();

    public Scope(GongfuUser user, Set<String> regions, Set<Long> units) {
        this(user, regions, units, false);
    }

    /**
     * Runs background work (a scheduled job, a listener) as the system: it sees every region and unit, may
     * read what any user could and run the calls that {@link #requireCaller} guards, and the audit log records
     * its actions as {@value #SYSTEM_ACTOR}. It is an authentication of its own kind, which only this method
     * makes, so no request can claim it; the caller's own authentication is restored afterwards.
     */
    public static <T> T asSystem(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(new SystemAuthentication());
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** {@link #asSystem} for work that returns nothing. */
    public static void runAsSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /** The system's authentication: no user, no authority; its name is what the audit log records. */
    private static final class SystemAuthentication extends AbstractAuthenticationToken {
        SystemAuthentication() {
            super(List.of());
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return SYSTEM_ACTOR;
        }
    }

    /**
     * Runs a read for the public view: every region is visible, but there is no user, so no command can
     * run. The caller shows only what the office published (published plans, published rankings).
     */
    public static <T> T readingForThePublic(Supplier<T> read) {
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
        if (auth instanceof SystemAuthentication) return SYSTEM;
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

    /**
     * Commands check the role in the service too, not only at the URL. The system has no role: a command that
     * a person must answer for (and that records who did it) stays a person's.
     */
    public GongfuUser require(Role... roles) {
        if (user == null || !user.hasAny(roles)) throw new AccessDeniedException("requires one of the roles " + List.of(roles));
        return user;
    }

    /** Reads that need a known caller, a signed-in user of any role or the system, but no anonymous one. */
    public void requireCaller() {
        if (!system) require(Role.values());
    }
}
