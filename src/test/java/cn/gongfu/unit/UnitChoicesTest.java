package cn.gongfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Unit selectors list every unit of their regions, however many units other regions hold. */
@H2Test
class UnitChoicesTest {

    /** Above the largest page any list returns, and in a region that sorts before the demo district. */
    static final int CROWD = PageRequest.MAX_SIZE + 10;

    @Autowired
    UnitService units;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aUsersPageOffersEveryUnitOfTheUsersRegionEvenWhenAnotherRegionHasMoreThanAPageOfUnits() throws Exception {
        List<Object[]> crowd = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) crowd.add(new Object[] {String.format("溪口镇测试单位%04d", i)});
        jdbc.batchUpdate("insert into unit (name, kind, region_code) values (?, 'other', '330213101')", crowd);
        jdbc.update("insert into unit (name, kind, region_code) values ('云山镇选择测试办公室', 'other', '330299102')");

        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        long id;
        try {
            assertThat(units.choices(List.of("330213101"))).hasSizeGreaterThanOrEqualTo(CROWD);
            assertThat(units.choices(List.of("330299102"))).extracting(Unit::name).contains("云山镇选择测试办公室")
                    .noneMatch(name -> name.startsWith("溪口镇测试单位"));
            id = users.create("choices", "选择测试", "correct-horse-1", "330299", List.of(Role.REPORTER), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
        mvc.perform(get("/admin/users/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("云山镇选择测试办公室")));

        // a caller sees only the units of its own scope
        SignedInAsAdmin.signIn(users.loadUserByUsername("office"));
        try {
            assertThat(units.choices(List.of("330213101", "330299102"))).extracting(Unit::regionCode).containsOnly("330299102");
        } finally {
            SignedInAsAdmin.signOut();
        }
    }
}
