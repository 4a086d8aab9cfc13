# syntax=docker/dockerfile:1
#
# Spojka hub image. Build: docker build -t spojka/hub:latest .
# Run the full layout (hub + Kafka) with docker-compose.yml; see docs/deployment.md.

# ---- build stage -----------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests package

# ---- runtime stage ---------------------------------------------------------
FROM eclipse-temurin:17-jre

# Unprivileged user with a fixed id, so volume ownership is predictable.
RUN groupadd --system --gid 10001 spojka \
 && useradd --system --uid 10001 --gid spojka --home-dir /opt/spojka \
      --no-create-home --shell /usr/sbin/nologin spojka \
 && mkdir -p /opt/spojka/data \
 && chown spojka:spojka /opt/spojka/data

WORKDIR /opt/spojka

# The hub reads routes/, connectors/, vocab/ and the demo's access/ relative to its working directory.
COPY --from=build /build/target/spojka.jar ./spojka.jar
COPY routes/ ./routes/
COPY connectors/ ./connectors/
COPY vocab/ ./vocab/
COPY access/ ./access/

# Persistent hub state (SPOJKA_DATA_DIR); the directory is owned by the spojka
# user, so a fresh named volume mounted here inherits that ownership.
VOLUME /opt/spojka/data

EXPOSE 8080

USER 10001:10001

# Neither curl nor wget is guaranteed in eclipse-temurin images (newer images
# dropped them), so the check uses bash's /dev/tcp: it asks the Spring Boot
# actuator health endpoint and succeeds only on an HTTP 200 status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && IFS= read -r status <&3 && [[ $status == 'HTTP/1.'?' 200 '* ]]"]

ENTRYPOINT ["java", "-jar", "spojka.jar"]
