package cn.gongfu.security;

import cn.gongfu.kernel.Rules;
import cn.gongfu.security.TokenService.CreatedToken;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "tokens", description = "接口令牌 API tokens for machine clients, acting with their creator's rights")
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApi {

    private final TokenService tokens;

    public TokenApi(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    public List<ApiToken> mine() {
        return tokens.mine();
    }

    /** Column size: {@code api_token.name} in V4__security.sql. */
    public record NewToken(@NotBlank(message = Rules.REQUIRED) @Size(max = 100, message = Rules.TOO_LONG) String name, Integer days) {}

    /** The response holds the token's secret, shown this once. */
    @PostMapping
    public ResponseEntity<CreatedToken> create(@Valid @RequestBody NewToken t) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(t.name(), t.days() == null ? 90 : t.days()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
