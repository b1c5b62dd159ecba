package cn.gongfu.users;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.UnitService;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User management for administrators and offices, the audit log, and everyone's own password (API tokens: security.TokenPages). */
@WebPage
@Controller
class AccountPages {

    private final UserService users;
    private final RegionService regions;
    private final UnitService units;
    private final AuditLog audit;
    private final Inputs inputs;

    public AccountPages(UserService users, RegionService regions, UnitService units, AuditLog audit,
                        Inputs inputs) {
        this.inputs = inputs;
        this.users = users;
        this.regions = regions;
        this.units = units;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    public String users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        var list = users.list(q, new PageRequest(page, 50));
        model.addAttribute("pageBase", ListAddress.of("/admin/users", "q", q));
        model.addAttribute("users", list);
        model.addAttribute("unitNames", units.names(list.items().stream()
                .flatMap(u -> u.unitIds().stream()).collect(Collectors.toSet())));
        model.addAttribute("q", q);
        Scope scope = Scope.current();
        List<Region> all = regions.all();
        model.addAttribute("regionNames", all.stream().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("regions", all.stream().filter(r -> scope.coversRegion(r.code())).toList());
        model.addAttribute("roles", grantable());
        return "security/users";
    }

    @PostMapping("/admin/users")
    public String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                         @RequestParam(required = false) String password, @RequestParam(required = false) String region,
                         @RequestParam(required = false) List<Role> roles, RedirectAttributes redirect) {
        try {
            inputs.check(new UserApi.NewUser(username, displayName, password, region, roles, List.of()));
            long id = users.create(username, displayName, password, region, roles == null ? List.of() : roles, List.of());
            return "redirect:/admin/users/" + id;
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/users";
        }
    }

    @GetMapping("/admin/users/{id}")
    public String user(@PathVariable long id, Model model) {
        GongfuUser user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("roles", grantable());
        model.addAttribute("units", units.choices(user.regionScope()));
        model.addAttribute("history", audit.list(null, null, "user:" + id, new PageRequest(0, 50)).items());
        return "security/user";
    }

    @PostMapping("/admin/users/{id}/roles")
    public String roles(@PathVariable long id, @RequestParam(required = false) List<Role> roles, RedirectAttributes redirect) {
        return settle(id, redirect, () -> users.setRoles(id, roles == null ? List.of() : roles));
    }

    @PostMapping("/admin/users/{id}/units")
    public String units(@PathVariable long id, @RequestParam(required = false) List<Long> units, RedirectAttributes redirect) {
        return settle(id, redirect, () -> users.setUnits(id, units == null ? List.of() : units));
    }

    @PostMapping("/admin/users/{id}/enabled")
    public String enabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return settle(id, redirect, () -> users.setEnabled(id, enabled));
    }

    @PostMapping("/admin/users/{id}/password-reset")
    public String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newPassword", users.resetPassword(id));
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/audit")
    public String audit(@RequestParam(required = false) String action, Model model) {
        Scope.current().require(Role.ADMIN);
        model.addAttribute("events", audit.list(action, null, null, new PageRequest(0, 200)).items());
        model.addAttribute("action", action);
        return "security/audit";
    }

    @GetMapping("/account")
    public String account(Model model) {
        model.addAttribute("minLength", UserService.MIN_PASSWORD_LENGTH);
        model.addAttribute("emailSettings", users.myEmail());
        model.addAttribute("maxEmail", UserService.MAX_EMAIL_LENGTH);
        return "security/account";
    }

    /** Only in a browser session: a token acting for the user cannot change the user's password (the service refuses). */
    @PostMapping("/account/password")
    public String changePassword(@RequestParam(required = false) String currentPassword,
                                 @RequestParam(required = false) String newPassword,
                                 @RequestParam(required = false) String repeatPassword,
                                 RedirectAttributes redirect) {
        try {
            users.changeOwnPassword(currentPassword, newPassword, repeatPassword);
            redirect.addFlashAttribute("changed", true);
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("error", e.getMessage().substring(e.field().length() + 2));
        }
        return "redirect:/account";
    }

    /** Everyone's own email address and whether their notices go there too (notify's email channel). */
    @PostMapping("/account/email")
    public String email(@RequestParam(required = false) String email, @RequestParam(defaultValue = "false") boolean optIn,
                        RedirectAttributes redirect) {
        try {
            users.setOwnEmail(email, optIn);
            redirect.addFlashAttribute("emailSaved", true);
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("emailError", true);
        }
        return "redirect:/account#email";
    }

    /** The roles the caller may give, in the roles' own order. */
    private List<Role> grantable() {
        var allowed = users.grantable();
        return Arrays.stream(Role.values()).filter(allowed::contains).toList();
    }

    private static String settle(long id, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }
}
