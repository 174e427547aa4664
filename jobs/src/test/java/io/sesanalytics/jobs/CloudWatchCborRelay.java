package io.sesanalytics.jobs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The AWS SDK v2 (2.57) calls CloudWatch in the Smithy RPC v2 CBOR protocol
 * ({@code POST /service/GraniteServiceVersion20100801/operation/<Op>}); moto 5.2 serves CloudWatch in the
 * query and AWS JSON 1.0 protocols only. This relay turns each CBOR call into the same call in JSON 1.0
 * ({@code X-Amz-Target: GraniteServiceVersion20100801.<Op>}) to moto, and the answer back into CBOR, without
 * touching the content, so that the real client talks to moto's CloudWatch.
 */
public final class CloudWatchCborRelay implements AutoCloseable {
    private static final String PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    private static final CBORFactory CBOR = new CBORFactory();
    private static final JsonFactory JSON = new JsonFactory();
    private final HttpServer server;
    private final URI moto;

    public CloudWatchCborRelay(URI moto) throws IOException {
        this.moto = moto;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::relay);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(PREFIX)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] request = exchange.getRequestBody().readAllBytes();
            HttpURLConnection call = (HttpURLConnection) moto.resolve("/").toURL().openConnection();
            call.setRequestMethod("POST");
            call.setDoOutput(true);
            call.setRequestProperty("X-Amz-Target", "GraniteServiceVersion20100801." + path.substring(PREFIX.length()));
            call.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                call.setRequestProperty("Authorization", authorization);
            }
            call.getOutputStream().write(request.length == 0 ? "{}".getBytes() : convert(CBOR, request, JSON));
            int status = call.getResponseCode();
            byte[] answer;
            try (InputStream in = status < 400 ? call.getInputStream() : call.getErrorStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            byte[] body = answer.length == 0 ? convert(JSON, "{}".getBytes(), CBOR) : convert(JSON, answer, CBOR);
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            exchange.getResponseHeaders().add("Content-Type", "application/cbor");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] convert(JsonFactory from, byte[] bytes, JsonFactory to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser parser = from.createParser(bytes); JsonGenerator generator = to.createGenerator(out)) {
            while (parser.nextToken() != null) {
                generator.copyCurrentStructure(parser);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
