package cn.gongfu.security;

import cn.gongfu.kernel.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. */
@WebPage
@Controller
class LoginPage {

    @GetMapping("/login")
    public String login() {
        return "security/login";
    }
}
