# thidua production image: gunicorn web, Celery worker and beat all run from it.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango/HarfBuzz for WeasyPrint, gettext for compilemessages, fontconfig for the bundled fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       fontconfig gettext poppler-utils \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 thidua
WORKDIR /app

COPY pyproject.toml README.md ./
COPY thidua thidua
COPY blocs blocs
COPY scoring scoring
COPY awards awards
RUN pip install .

COPY . .
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput -v 0 \
    && SECRET_KEY=build-only python manage.py compilemessages -v 0 \
    && mkdir -p /app/media && chown -R thidua:thidua /app/media \
    && fc-cache -f /app/static/fonts

USER thidua
EXPOSE 8000
CMD ["gunicorn", "thidua.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "5", "--access-logfile", "-"]
