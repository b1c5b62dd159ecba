package cn.gongfu.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Addresses Spring Security's firewall refuses before any controller runs (a NUL, an empty segment {@code //},
 * an encoded slash in the path): a 400 problem naming the path, instead of an empty 400. The firewall's rules
 * stay as they are; only the answer is ours.
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> FilterProblems.write(response, 400, "bad-parameter", "Bad parameter 参数错误",
                "path: 地址含有不允许的字符或空段 the address holds a character or an empty segment that is not allowed", "path");
    }
}
