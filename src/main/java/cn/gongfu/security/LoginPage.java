package cn.gongfu.security;

import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.users.UserService;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the POST. A first-time visitor learns here what the system is and for
 * which district ({@code gongfu.district}, else the region of the first plan office), and that the public
 * information needs no account.
 */
@WebPage
@Controller
class LoginPage {

    private final RegionService regions;
    private final UserService users;
    private final String district;

    LoginPage(RegionService regions, UserService users, @Value("${gongfu.district:}") String district) {
        this.regions = regions;
        this.users = users;
        this.district = district.strip();
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("district", districtPath());
        return "security/login";
    }

    /** The district with the regions above it, from the province down (浙江省 宁波市 青溪区); empty when unknown. */
    private List<String> districtPath() {
        String code = district.isEmpty() ? users.firstOfficeRegion().orElse(null) : district;
        return code == null ? List.of() : regions.pathTo(code).stream().map(Region::name).toList();
    }
}
