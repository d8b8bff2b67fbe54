package dev.toolsmith.runtime.auth.oidc;

import dev.toolsmith.runtime.auth.Authenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@link OidcAuthenticator} from environment variables, for Lambda functions and
 * containers configured by a template:
 *
 * <ul>
 *   <li>{@code MCP_SERVER_URL}: this server's canonical URL, such as {@code
 *       https://abc.lambda-url.eu-west-1.on.aws/mcp}. Required.
 *   <li>{@code MCP_OIDC_PROVIDER}: {@code oidc} (the default), {@code google}, {@code cognito} or
 *       {@code auth0}.
 *   <li>{@code MCP_OIDC_ISSUER}: the issuer URL ({@code oidc}, {@code cognito}), or the tenant's
 *       domain ({@code auth0}). Not used for {@code google}.
 *   <li>{@code MCP_OIDC_CLIENT_IDS}: comma-separated; the OAuth client ID ({@code google}) or the
 *       app clients whose access tokens are accepted ({@code cognito}).
 *   <li>{@code MCP_OIDC_AUDIENCE}: what {@code aud} must name, when it is not {@code
 *       MCP_SERVER_URL}.
 *   <li>{@code MCP_OIDC_SCOPES}: space-separated scopes to advertise in the metadata.
 * </ul>
 *
 * <p>A missing or contradictory setting fails closed: every request gets 503 with a message that
 * names the variable, and the same message is logged.
 */
final class OidcEnvironment {
  static final String SERVER_URL = "MCP_SERVER_URL";
  static final String PROVIDER = "MCP_OIDC_PROVIDER";
  static final String ISSUER = "MCP_OIDC_ISSUER";
  static final String CLIENT_IDS = "MCP_OIDC_CLIENT_IDS";
  static final String AUDIENCE = "MCP_OIDC_AUDIENCE";
  static final String SCOPES = "MCP_OIDC_SCOPES";

  private OidcEnvironment() {}

  static Authenticator read(Map<String, String> env) {
    String serverUrl = value(env, SERVER_URL);
    if (serverUrl == null) {
      return unconfigured(
          SERVER_URL
              + " is not set; set it to this server's public URL, such as "
              + "https://abc.lambda-url.eu-west-1.on.aws/mcp, which tokens must be issued for.");
    }
    String provider =
        value(env, PROVIDER) == null ? "oidc" : value(env, PROVIDER).toLowerCase(Locale.ROOT);
    String issuer = value(env, ISSUER);
    List<String> clientIds = list(value(env, CLIENT_IDS));
    OidcAuthenticator.Builder builder;
    switch (provider) {
      case "google":
        if (clientIds.size() != 1) {
          return unconfigured(
              CLIENT_IDS
                  + " must be the one Google OAuth client ID whose ID tokens this server accepts.");
        }
        builder = OidcAuthenticator.google(clientIds.get(0));
        break;
      case "cognito":
        if (issuer == null || clientIds.isEmpty()) {
          return unconfigured(
              "For Cognito set "
                  + ISSUER
                  + " to https://cognito-idp.<region>.amazonaws.com/<pool id> and "
                  + CLIENT_IDS
                  + " to the app client ids whose access tokens this server accepts.");
        }
        builder =
            OidcAuthenticator.issuer(issuer)
                .clientIds(clientIds.toArray(String[]::new))
                .requireClaim("token_use", "access");
        break;
      case "auth0":
      case "oidc":
        if (issuer == null) {
          return unconfigured(
              ISSUER
                  + " is not set; set it to the issuer URL (or, for Auth0, the tenant's domain).");
        }
        builder =
            provider.equals("auth0")
                ? OidcAuthenticator.auth0(issuer)
                : OidcAuthenticator.issuer(issuer);
        break;
      default:
        return unconfigured(
            PROVIDER + " is '" + provider + "'; use oidc, google, cognito or auth0.");
    }
    builder.audience(serverUrl);
    String audience = value(env, AUDIENCE);
    if (audience != null) {
      builder.tokenAudience(audience);
    }
    String scopes = value(env, SCOPES);
    if (scopes != null) {
      builder.scopesSupported(scopes.trim().split("\\s+"));
    }
    return builder.build();
  }

  private static Authenticator unconfigured(String reason) {
    String message =
        "OIDC authentication is on but not configured, so this server refuses every request: "
            + reason;
    System.getLogger("dev.toolsmith.runtime").log(System.Logger.Level.ERROR, message);
    return Authenticator.unconfigured(message);
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }
}
