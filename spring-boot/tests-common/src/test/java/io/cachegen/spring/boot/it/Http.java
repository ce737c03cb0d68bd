package io.cachegen.spring.boot.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to the application under test (java.net.http, the same on every Boot line). */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  /** An answer: its status and body. */
  record Answer(int status, String body) {
    /** The body as JSON. */
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  static Answer get(int port, String path) throws Exception {
    return send(port, path, "GET");
  }

  static Answer delete(int port, String path) throws Exception {
    return send(port, path, "DELETE");
  }

  private static Answer send(int port, String path, String method) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
