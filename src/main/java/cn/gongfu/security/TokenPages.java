package cn.gongfu.security;

import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own API tokens: list, create (shown once), revoke. */
@WebPage
@Controller
class TokenPages {

    private final TokenService tokens;
    private final Inputs inputs;

    TokenPages(TokenService tokens, Inputs inputs) {
        this.tokens = tokens;
        this.inputs = inputs;
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "security/tokens";
    }

    @PostMapping("/tokens")
    String createToken(@RequestParam(required = false) String name, @RequestParam(defaultValue = "90") int days,
                              RedirectAttributes redirect) {
        try {
            inputs.check(new TokenApi.NewToken(name, days));
            redirect.addFlashAttribute("created", tokens.create(name, days));
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/tokens";
    }
}
