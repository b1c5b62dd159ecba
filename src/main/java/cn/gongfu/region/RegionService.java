package cn.gongfu.region;

import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Where;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
public class RegionService {

    private static final DataClassRowMapper<Region> MAPPER = new DataClassRowMapper<>(Region.class);

    private final JdbcClient jdbc;
    private final Pager pager;

    public RegionService(JdbcClient jdbc, Pager pager) {
        this.jdbc = jdbc;
        this.pager = pager;
    }

    public PageResult<Region> list(String parentCode, String level, String text, PageRequest page) {
        Where where = new Where()
                .and("parent_code = :parent", "parent", parentCode)
                .and("level = :level", "level", level)
                .containing("text", text, "name", "code");
        return pager.page("code, name, level, parent_code", "from region", where, "code", page, MAPPER);
    }

    /** Every region, in code order: reference data for selectors (not paged, so none is ever cut off). */
    public List<Region> all() {
        return jdbc.sql("select code, name, level, parent_code from region order by code").query(MAPPER).list();
    }

    /** Every region's name by its code, for labelling rows that carry only the code. */
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from region").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    public Optional<Region> find(String code) {
        return jdbc.sql("select code, name, level, parent_code from region where code = :code")
                .param("code", code).query(MAPPER).optional();
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("region", code));
    }

    /** The region and its ancestors, from the top (province) down. */
    public List<Region> pathTo(String code) {
        return jdbc.sql("""
                with recursive up (code, name, level, parent_code, depth) as (
                    select code, name, level, parent_code, 0 from region where code = :code
                    union all
                    select r.code, r.name, r.level, r.parent_code, up.depth + 1
                    from region r join up on r.code = up.parent_code)
                select code, name, level, parent_code from up order by depth desc""")
                .param("code", code).query(MAPPER).list();
    }
}
