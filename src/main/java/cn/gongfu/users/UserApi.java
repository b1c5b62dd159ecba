package cn.gongfu.users;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Scope;
import cn.gongfu.users.UserService.UserSummary;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "users", description = "用户、角色与审计 Users, roles, units and the audit log (administrators)")
@RestController
@RequestMapping("/api/v1")
class UserApi {

    private final UserService users;
    private final AuditLog audit;

    public UserApi(UserService users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/users")
    public PageResult<UserSummary> list(@RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        return users.list(q, new PageRequest(page, size));
    }

    /** A user as the API shows it: never the password hash. */
    public record UserView(long id, String username, String displayName, String regionCode, boolean enabled,
                           List<Role> roles, List<Long> unitIds) {
        static UserView of(GongfuUser u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.regionCode(), u.enabled(), u.sortedRoles(),
                    u.unitIds().stream().sorted().toList());
        }
    }

    @GetMapping("/users/{id}")
    public UserView get(@PathVariable long id) {
        return UserView.of(users.get(id));
    }

    /** Column sizes: {@code app_user} in V4__security.sql; the password's own rules are {@code UserService.checkPassword}. */
    public record NewUser(@NotBlank(message = Rules.REQUIRED) @Size(max = 100, message = Rules.TOO_LONG) String username,
                          @NotBlank(message = Rules.REQUIRED) @Size(max = 200, message = Rules.TOO_LONG) String displayName,
                          String password,
                          @NotBlank(message = Rules.REQUIRED) @Size(max = 12, message = Rules.TOO_LONG) String regionCode,
                          List<@NotNull(message = Rules.REQUIRED) Role> roles, List<@NotNull(message = Rules.REQUIRED) Long> unitIds) {}

    @PostMapping("/users")
    public ResponseEntity<UserView> create(@Valid @RequestBody NewUser u) {
        long id = users.create(u.username(), u.displayName(), u.password(), u.regionCode(), u.roles(), u.unitIds());
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(UserView.of(users.get(id)));
    }

    @PutMapping("/users/{id}/roles")
    public UserView roles(@PathVariable long id, @RequestBody List<Role> roles) {
        users.setRoles(id, Inputs.withoutNulls("roles", roles));
        return UserView.of(users.get(id));
    }

    @PutMapping("/users/{id}/units")
    public UserView units(@PathVariable long id, @RequestBody List<Long> unitIds) {
        users.setUnits(id, Inputs.withoutNulls("unitIds", unitIds));
        return UserView.of(users.get(id));
    }

    @PutMapping("/users/{id}/enabled")
    public UserView enabled(@PathVariable long id, @RequestBody boolean enabled) {
        users.setEnabled(id, enabled);
        return UserView.of(users.get(id));
    }

    /** A new random password, returned this once. */
    @PostMapping("/users/{id}/password-reset")
    public Map<String, String> resetPassword(@PathVariable long id) {
        return Map.of("password", users.resetPassword(id));
    }

    @GetMapping("/audit")
    public PageResult<AuditEvent> audit(@RequestParam(required = false) String action,
                                        @RequestParam(required = false) String actor,
                                        @RequestParam(required = false) String target,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        Scope.current().require(Role.ADMIN);
        return audit.list(action, actor, target, new PageRequest(page, size));
    }
}
