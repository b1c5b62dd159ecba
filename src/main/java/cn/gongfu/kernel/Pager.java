package cn.gongfu.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs a filtered list query as one page plus its total count. */
@Component
public class Pager {

    private final JdbcClient jdbc;

    public Pager(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param from    the {@code from ...} part shared by the count and the page query (joins allowed)
     * @param select  the select list
     * @param orderBy a total order, so pages never overlap
     */
    public <T> PageResult<T> page(String select, String from, Where where, String orderBy,
                                  PageRequest request, RowMapper<T> mapper) {
        long total = jdbc.sql("select count(*) " + from + where.sql())
                .params(where.params()).query(Long.class).single();
        if (total == 0) return new PageResult<>(List.of(), request.page(), request.size(), 0);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("pageOffset", request.offset());
        params.put("pageSize", request.size());
        List<T> items = jdbc.sql("select " + select + " " + from + where.sql() + " order by " + orderBy
                        + " offset :pageOffset rows fetch next :pageSize rows only")
                .params(params).query(mapper).list();
        return new PageResult<>(items, request.page(), request.size(), total);
    }
}
