package cn.gongfu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the import and edit contracts ask of the app, the same on each database: a plan document uploaded for review
 * (as the office of 青溪区), a page or a JSON answer that must be there, a form posted with its CSRF token, the audit
 * trail of one thing, and an edit page's history as the words it shows.
 */
public abstract class MvcContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    /** A .txt plan document uploaded for review into 青溪区 as an action plan: 201. */
    protected ResultActions upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, "text/plain", content))
                .param("region", "330299").param("kind", "action_plan")).andExpect(status().isCreated());
    }

    /** The thing's audit events, oldest first, as "action: before → after". */
    protected List<String> audit(String target) {
        return jdbc.sql("select action, before_value, after_value from audit_event where target = :t order by id").param("t", target)
                .query((rs, i) -> rs.getString(1) + ": " + rs.getString(2) + " → " + rs.getString(3)).list();
    }

    /** A page that must answer 200, as HTML. */
    protected String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A JSON answer that must be 200. */
    protected JsonNode json(RequestBuilder request) throws Exception {
        return json(mvc.perform(request).andExpect(status().isOk()));
    }

    protected static JsonNode json(ResultActions result) throws Exception {
        return json(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    protected static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** A form posted as a browser would, with the CSRF token. */
    protected ResultActions form(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()));
    }

    /** Each change an edit page's history shows, as its words ("名称：旧 → 新"), newest first. */
    protected static List<String> historyWords(String page) {
        return Jsoup.parse(page).select("#history li.change").eachText();
    }
}
