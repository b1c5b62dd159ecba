package cn.gongfu.reporting.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "feeds", description = "数据对接 Machine feeds of indicator values from statistics bureaus")
@RestController
@RequestMapping("/api/v1")
class FeedApi {

    private final FeedImportService feeds;

    public FeedApi(FeedImportService feeds) {
        this.feeds = feeds;
    }

    @Operation(summary = "Imports indicator values in bulk, all or nothing",
            description = "text/csv with the header indicator,region,period,value[,comment][,explanation], or "
                    + "application/json: an array of objects with those fields. UTF-8. Any error: 422 listing the rows.")
    @PostMapping(path = "/observations/import", consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    public FeedResult importObservations(HttpServletRequest request) throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        FeedImportService.Format format = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                ? FeedImportService.Format.JSON : FeedImportService.Format.CSV;
        return feeds.importObservations(request.getInputStream(), format);
    }
}
