-- n8n gets the database named by POSTGRES_DB; Caseflow gets its own.
CREATE DATABASE caseflow;
