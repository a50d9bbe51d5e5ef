# stagewatch: build the jar with the Maven Wrapper, then run it on a JRE as a non-root user.
#
#   docker build -t stagewatch .
#   docker run --rm -e STAGING_URL=https://staging.example.com stagewatch run -t smoke
#   docker run -d -p 9464:9464 -e STAGING_URL=... stagewatch          # the daemon (default)
#
# Mount your own config and suites over /app/config and /app/suites.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# The wrapper and the POM first, so that dependencies stay cached while sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
# The wrapper finds its JDK with the launcher's bin/find-jdk.
COPY bin bin
RUN ./mvnw -B -q dependency:go-offline || true
COPY src src
COPY suites suites
COPY config config
# The package also makes the release bundle, which carries these two.
COPY README.md LICENSE ./
# The commit, for stagewatch_build_info as for the image's label (see below); Maven reads
# MAVEN_ARGS, so the build runs the README's command as written.
ARG REVISION=unknown
# The start-up cache is trained below on the runtime's own JRE: one made on this JDK would be refused.
ENV MAVEN_ARGS="-Dstagewatch.revision=${REVISION} -Dstagewatch.startupCache.skip=true"
RUN ./mvnw -B -q package -DskipTests

# JDK 25's runtime: its ahead-of-time cache lets a run start in a fraction of the time.
FROM eclipse-temurin:25-jre
RUN groupadd --system stagewatch && useradd --system --gid stagewatch --home-dir /app stagewatch
WORKDIR /app
COPY --from=build /src/target/stagewatch.jar /app/stagewatch.jar
# The CycloneDX SBOM of the jar's dependencies, the one the release bundle carries.
COPY --from=build /src/target/stagewatch-*.cdx.json /app/sbom.cdx.json
COPY --from=build /src/config /app/config
COPY --from=build /src/suites /app/suites
# The start-up cache for this image's JRE, trained the way the build trains the one it ships
# (scripts/startup-cache.sh: a run with the store, HTTP and SQL checks and every report). The entry
# point below uses it with the same options as bin/stagewatch.
COPY scripts/startup-cache.sh /tmp/training/scripts/
COPY bin/find-jdk /tmp/training/bin/
RUN sh /tmp/training/scripts/startup-cache.sh /app/stagewatch.jar && rm -rf /tmp/training
# The SQLite store and the reports are written here unless the config says otherwise.
RUN mkdir -p /app/.stagewatch /app/build && chown -R stagewatch:stagewatch /app/.stagewatch /app/build
# OCI labels, last so that a new revision or build date rebuilds no layer. VERSION's default is the
# POM's version (a test holds them equal); a release build passes the commit and the time:
#   docker build --build-arg REVISION="$(git rev-parse HEAD)" \
#     --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" -t stagewatch .
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=https://github.com/stagewatch/stagewatch
LABEL org.opencontainers.image.title="stagewatch" \
      org.opencontainers.image.description="Staging smoke-test and health-monitoring runner" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.licenses="Apache-2.0"
USER stagewatch
EXPOSE 9464
# For the daemon: liveness, the scheduler alone (an unreachable store or staging is /readyz's
# business, not a reason to restart). No curl in the image: bash's /dev/tcp asks /livez.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /livez HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# -jar, as the contract has it: a daemon reads the jar's index twice once, which costs it nothing
# worth naming. The native-access option all the same, as the start-up cache was trained with it
# (scripts/startup-cache.sh) and holds only with the same setting.
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:AOTCache=/app/stagewatch.aot", \
  "-Xlog:aot=off", "-Xlog:cds=off", "--enable-native-access=ALL-UNNAMED", \
  "-jar", "/app/stagewatch.jar"]
CMD ["daemon", "--bind", "0.0.0.0", "-c", "/app/config/stagewatch.yaml"]
