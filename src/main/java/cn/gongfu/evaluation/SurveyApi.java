package cn.gongfu.evaluation;

import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Uploads;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Four-senses survey waves with their index. Importing is for the office (URL rule and service). */
@RestController
@RequestMapping("/api/v1/surveys")
public class SurveyApi {

    private final FourSensesService senses;

    public SurveyApi(FourSensesService senses) {
        this.senses = senses;
    }

    /**
     * Imports a wave from an .xlsx (raw answers 获得感/幸福感/安全感/认同感 per respondent, or a summary
     * 维度/均值/标准差/样本量): 201 with the wave and its index; 422 with {@code errors} naming every wrong
     * cell (sheet, row, column), and nothing stored; 400 naming a bad parameter.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<WaveIndex> importWave(@RequestParam(value = "file", required = false) MultipartFile file,
                                                @RequestParam(required = false) String region,
                                                @RequestParam(required = false) String name,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fieldedOn,
                                                @RequestParam(required = false) Integer scalePoints) throws IOException {
        if (scalePoints == null) throw new InvalidParameterException("scalePoints", "required, e.g. 5 for a 5-point scale");
        WaveIndex wave = senses.importWave(region, name, fieldedOn, scalePoints, Uploads.read(file, Uploads.MAX_SHEET_BYTES));
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + wave.wave().id())).body(wave);
    }

    /** The waves in the caller's scope (of one region if given), oldest first, each with its index. */
    @GetMapping
    public List<WaveIndex> list(@RequestParam(required = false) String region) {
        return senses.indices(region);
    }

    @GetMapping("/{id}")
    public WaveIndex get(@PathVariable long id) {
        return senses.index(id);
    }
}
