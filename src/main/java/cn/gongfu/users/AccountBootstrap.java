package cn.gongfu.users;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.kernel.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start there is nobody to sign in: create the administrator, with the password from
 * {@code GONGFU_ADMIN_PASSWORD}, or a generated one printed this once.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final UserService users;
    private final String configuredPassword;

    AccountBootstrap(UserService users, @Value("${gongfu.admin-password:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) return;
        boolean generated = configuredPassword.isBlank();
        String password = generated ? UserService.randomPassword() : configuredPassword;
        users.createUnchecked(ADMIN, zh("users.bootstrapAdmin"), password, "330000", List.of(Role.ADMIN), List.of());
        if (generated) {
            log.warn("Created the administrator. Sign in as '{}' with password '{}' — shown only now; "
                    + "set GONGFU_ADMIN_PASSWORD to choose it.", ADMIN, password);
        } else {
            log.info("Created the administrator '{}' with the password from GONGFU_ADMIN_PASSWORD.", ADMIN);
        }
    }
}
