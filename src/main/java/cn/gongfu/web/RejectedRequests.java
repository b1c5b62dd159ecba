package cn.gongfu.web;

import cn.gongfu.kernel.BundleText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Addresses Spring Security's firewall refuses before any controller runs (a NUL, an empty segment {@code //},
 * an encoded slash in the path): a 400 problem naming the path, instead of an empty 400. The firewall's rules
 * stay as they are; only the answer is ours.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> FilterProblems.write(response, 400, "bad-parameter", BundleText.englishFirst("problem.bad-parameter"),
                "path: " + BundleText.both("rules.badPath"), "path");
    }
}
