package cn.gongfu.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.ingest.FormatSamples;
import cn.gongfu.support.H2Test;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The import API takes the new formats: parsed at once, stored with the type its bytes are, and given back so. */
@H2Test
class FormatUploadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "plan.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            // a name that lies: the bytes are an OFD package, and so it is stored and returned
            "plan.docx, application/ofd",
            "plan.htm, text/html"})
    void aNewFormatIsParsedAndStoredAsWhatItIs(String name, String type) throws Exception {
        String variant = UUID.randomUUID().toString(); // each run its own file: no duplicate of another test's upload
        byte[] content = switch (type) {
            case "application/ofd" -> FormatSamples.ofd(variant);
            case "text/html" -> FormatSamples.html(variant);
            default -> FormatSamples.xlsx(variant);
        };
        JsonNode review = JSON.readTree(mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("region", "330299").param("kind", "action_plan"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        long id = review.get("job").get("id").asLong();
        assertThat(review.get("job").get("contentType").asText()).isEqualTo(type);
        assertThat(review.get("draft").get("title").asText()).isEqualTo(FormatSamples.TITLE);
        assertThat(review.get("draft").get("tasks").findValuesAsString("title")).contains("实施就业优先行动", "完善养老服务体系");
        byte[] source = mvc.perform(get("/api/v1/imports/{id}/source", id)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(type)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(source).isEqualTo(content);
        mvc.perform(post("/api/v1/imports/{id}/discard", id)).andExpect(status().isNoContent());
    }
}
