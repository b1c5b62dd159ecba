package cn.gongfu.kernel;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user with everything the services need to scope data: roles, the region (and the codes of
 * every region below it), and the units the user works for.
 */
public record GongfuUser(
        long id,
        String username,
        String displayName,
        String passwordHash,
        String regionCode,
        boolean enabled,
        LocalDateTime lockedUntil,
        Set<Role> roles,
        Set<Long> unitIds,
        Set<String> regionScope) implements UserDetails {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) if (roles.contains(r)) return true;
        return false;
    }

    /** The same user without the password hash, for the security context once authenticated. */
    public GongfuUser withoutPassword() {
        return new GongfuUser(id, username, displayName, "", regionCode, enabled, lockedUntil, roles, unitIds, regionScope);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(LocalDateTime.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }
}
