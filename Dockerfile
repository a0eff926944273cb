# Madoguchi container image: `docker build -t madoguchi .` (or `docker compose up --build`).
# See docs/deployment.md for the stack and every setting.

# ---- Portal browser libraries: npm ci from the committed lock file ---------------------------
# The Maven build copies the prebuilt viewer bundles (form-js, bpmn-js) from portal-web/node_modules
# into the jar (pom.xml, execution portal-vendor); this stage fetches them as the pom's portal-npm-ci
# execution does on a developer machine.
FROM node:22-bookworm-slim AS portal-web
WORKDIR /build/portal-web
COPY portal-web/package.json portal-web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund

# ---- Build stage: JDK 21 + Maven ------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build

# The local Maven repository lives in a BuildKit cache mount, so rebuilds do not download the
# dependencies again. Every folder the POM reads (DockerfileTest checks this list against pom.xml):
# the sources, the models (bpmn/ and forms/ become classpath resources the application deploys at
# start-up), and portal-web/ with the libraries fetched above (npm is not needed again: portal.npm.skip).
# Tests are neither compiled nor run here (maven.test.skip): the image needs none, and CI runs them.
COPY pom.xml ./
COPY src ./src
COPY bpmn ./bpmn
COPY forms ./forms
COPY portal-web ./portal-web
COPY --from=portal-web /build/portal-web/node_modules ./portal-web/node_modules
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -Dmaven.test.skip=true -Dportal.npm.skip=true package \
 && jars=$(ls target/madoguchi-*.jar) \
 && [ "$(echo "$jars" | wc -l)" -eq 1 ] \
 && cp "$jars" /build/app.jar

# ---- Runtime stage: JRE 21 only -------------------------------------------------------------
FROM eclipse-temurin:21-jre

# The fee PDFs embed IPAex Gothic (TrueType outlines) from the path madoguchi.fees.pdf.font names by
# default; without it /actuator/health is DOWN and PDF requests fail.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-ipaexfont-gothic \
 && rm -rf /var/lib/apt/lists/* \
 && test -r /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf

# An unprivileged system user owns nothing but the application directory.
RUN groupadd --system --gid 10001 madoguchi \
 && useradd --system --uid 10001 --gid madoguchi --home-dir /app --shell /usr/sbin/nologin madoguchi \
 && mkdir -p /app \
 && chown madoguchi:madoguchi /app
WORKDIR /app
COPY --from=build --chown=madoguchi:madoguchi /build/app.jar /app/app.jar
USER madoguchi

# Size the heap from the container's memory limit, not the host's; die (and be restarted) on an
# OutOfMemoryError instead of limping on. Override the whole variable to tune it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

EXPOSE 8080

# /actuator/health is public (see SecurityConfiguration) and answers 200 only when UP (database,
# engine topology, mail). The image is not guaranteed to ship curl or wget, so the probe speaks
# HTTP/1.0 over bash's /dev/tcp; it needs nothing beyond bash, head and grep from the base image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
