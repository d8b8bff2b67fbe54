package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reading of HTTP events against the tree reading it replaces on the usual path:
 * wherever the streaming reader answers, both must give the same request; where it declines, the
 * tree reads the event as before. Every recorded event, hand-written edge cases, and any bytes.
 */
class HttpEventReaderTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apigw-v2-http.json",
        "apigw-v2-foreign-origin.json",
        "apigw-v2-notification.json",
        "apigw-v1-rest.json",
        "alb-single.json",
        "alb-multi-value.json",
        "function-url-base64.json"
      })
  void everyRecordedHttpEvent_isReadByTheStreamingReader_asTheTreeReadsIt(String name)
      throws IOException {
    byte[] event;
    try (InputStream in = HttpEventReaderTest.class.getResourceAsStream("/events/" + name)) {
      event = in.readAllBytes();
    }
    assertThat(HttpEventReader.read(event)).as(name).isNotNull();
    assertSameAsTree(event);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Empty multi-value headers: the single ones count.
        "{'httpMethod':'POST','multiValueHeaders':{},'headers':{'a':'1'},'requestContext':{'elb':{}}}",
        // Multi-value headers with empty lists still win.
        "{'httpMethod':'POST','multiValueHeaders':{'x':[]},'headers':{'a':'1'}}",
        "{'httpMethod':null,'path':null,'headers':{'a':null,'b':true},'body':null}",
        "{'requestContext':{'http':{}},'rawPath':'/mcp','isBase64Encoded':true,'body':'e30='}",
        "{'requestContext':{'http':{}},'isBase64Encoded':true,'body':'not base64!'}",
        "{'requestContext':{'http':{},'authorizer':{'jwt':{'claims':{'sub':'a'}}}},'body':'{}'}",
        "{'requestContext':{'identity':{'userArn':'arn:aws:iam::1:user/a'}},'httpMethod':'POST'}"
      })
  void edgeCases_readTheSameOrAreLeftToTheTree(String single) throws IOException {
    assertSameAsTree(single.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'jsonrpc':'2.0','id':1,'method':'ping'}",
        "{'headers':{'a':1},'httpMethod':'POST'}",
        "{'headers':'a','httpMethod':'POST'}",
        "{'httpMethod':'POST','body':7}",
        "{'httpMethod':'POST','isBase64Encoded':'true'}",
        "{'requestContext':'x','httpMethod':'POST'}",
        "{'unknown':true}",
        "{'httpMethod':'POST'} trailing",
        // A field the request is made of, given twice: the tree refuses the event.
        "{'httpMethod':'POST','body':'a','body':'b'}",
        "{'httpMethod':'POST','httpMethod':'GET'}",
        "{'httpMethod':'POST','headers':{'a':'1','a':'2'}}",
        "{'httpMethod':'POST','headers':{'a':'1'},'headers':{'b':'2'}}",
        "{'httpMethod':'POST','multiValueHeaders':{'a':['1'],'a':['2']}}",
        "{'httpMethod':'POST','multiValueHeaders':{'a':[],'a':['2']}}",
        "{'requestContext':{'http':{'method':'GET','method':'POST'}},'body':'{}'}",
        "{'requestContext':{'http':{},'http':{}},'body':'{}'}",
        "{'requestContext':{'http':{},'authorizer':{'jwt':{}},'authorizer':{}},'body':'{}'}",
        "{'requestContext':{'http':{},'authorizer':{'jwt':{'claims':{'sub':'a','sub':'b'}}}}}",
        // The same header in two cases: the tree keeps both values.
        "{'httpMethod':'POST','headers':{'A':'1','a':'2'}}",
        "[1]",
        "{'httpMethod':"
      })
  void anythingElse_isLeftToTheTree(String single) {
    assertThat(HttpEventReader.read(single.replace('\'', '"').getBytes(StandardCharsets.UTF_8)))
        .isNull();
  }

  @Test
  void aDuplicateInAPartTheRequestIsNotMadeOf_isSkippedUnread() throws IOException {
    byte[] event =
        ("{\"requestContext\":{\"http\":{\"method\":\"POST\",\"sourceIp\":\"1\","
                + "\"sourceIp\":\"2\"},\"stage\":\"a\",\"stage\":\"b\"},"
                + "\"queryStringParameters\":{\"q\":\"1\",\"q\":\"2\"},\"body\":\"{}\"}")
            .getBytes(StandardCharsets.UTF_8);

    HttpEventReader.Event read = HttpEventReader.read(event);

    assertThat(read).isNotNull();
    assertThat(read.method()).isEqualTo("POST");
    assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThatThrownBy(() -> Json.parse(event)).hasMessageContaining("Duplicate field");
  }

  @FuzzTest(maxDuration = "30s")
  void anyBytes_theStreamingReaderAgreesWithTheTree_whereverItAnswers(byte[] event)
      throws IOException {
    assertSameAsTree(event);
  }

  /** Fails when the streaming reader answers and its request differs from the tree's. */
  private static void assertSameAsTree(byte[] event) throws IOException {
    HttpEventReader.Event streamed = HttpEventReader.read(event);
    if (streamed == null) {
      return;
    }
    JsonNode tree;
    try {
      tree = Json.parse(event);
    } catch (IOException e) {
      // The tree refuses numbers no BigDecimal holds (1E400777777...), which are valid JSON; the
      // streaming reader only skips them. Anything else it accepted must be valid JSON throughout.
      assertValidJson(event);
      return;
    }
    if (tree.has("jsonrpc")) {
      throw new AssertionError("A JSON-RPC message was read as an HTTP event");
    }
    EventShape shape = HttpEvents.shapeOf(tree);
    if (shape != streamed.shape()) {
      throw new AssertionError("Shape " + streamed.shape() + ", the tree says " + shape);
    }
    HttpRequest expected = HttpEvents.request(tree, shape, TransportAttributes.none());
    HttpRequest actual = streamed.request(TransportAttributes.none());
    same("method", expected.method(), actual.method());
    same("path", expected.path(), actual.path());
    same("header names", expected.headers().toString(), actual.headers().toString());
    for (String name : names(expected.headers().toString())) {
      same("header " + name, expected.headers().first(name), actual.headers().first(name));
    }
    same(
        "body",
        new String(expected.body(), StandardCharsets.ISO_8859_1),
        new String(actual.body(), StandardCharsets.ISO_8859_1));
    AuthorizerResult wanted = AuthorizerResult.of(tree);
    AuthorizerResult got = streamed.authorizer();
    same("authorizer", String.valueOf(wanted), String.valueOf(got));
  }

  /** Fails unless every token of the document is valid JSON, without converting numbers. */
  private static void assertValidJson(byte[] event) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser parser = Json.factory().createParser(event)) {
      while (parser.nextToken() != null) {
        // Tokenizing checks the syntax; values are not converted.
      }
    }
  }

  private static List<String> names(String headers) {
    String inner = headers.substring(headers.indexOf('[') + 1, headers.lastIndexOf(']'));
    TreeSet<String> names = new TreeSet<>();
    for (String name : inner.split(", ")) {
      if (!name.isEmpty()) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(names);
  }

  private static void same(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": tree " + expected + ", streaming " + actual);
    }
  }
}
