-- Support units, their instruments and maintenance windows, and the units' decisions on cases.

CREATE TABLE support_units (
  code         VARCHAR(40)  PRIMARY KEY,
  name_ja      VARCHAR(200) NOT NULL,
  name_en      VARCHAR(200) NOT NULL,
  description  TEXT         NOT NULL,
  CONSTRAINT ck_support_units_code CHECK (code REGEXP '^[a-z][a-z0-9-]*$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE instruments (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  unit_code          VARCHAR(40)  NOT NULL,
  name               VARCHAR(200) NOT NULL,
  instrument_class   VARCHAR(40)  NOT NULL,
  location           VARCHAR(300) NOT NULL,
  -- Upkeep (service contract, cryogens, beam time, power...) per hour of use, integer yen.
  hourly_upkeep_yen  BIGINT       NOT NULL,
  -- True: an operator runs the session (operator time is charged); false: trained users run it themselves.
  operator_assisted  BOOLEAN      NOT NULL,
  active             BOOLEAN      NOT NULL DEFAULT TRUE,
  CONSTRAINT uk_instruments_name UNIQUE (name),
  CONSTRAINT fk_instruments_unit FOREIGN KEY (unit_code) REFERENCES support_units (code),
  CONSTRAINT ck_instruments_upkeep CHECK (hourly_upkeep_yen >= 0),
  CONSTRAINT ck_instruments_class CHECK (instrument_class IN (
    'cryo-em', 'xray', 'saxs', 'nmr', 'neutron', 'confocal', 'light-sheet', 'mass-spec', 'sequencer',
    'flow-cytometer', 'hts-robot', 'compute-cluster', 'lc-ms', 'animal-facility', 'synthesis',
    'peptide-synthesizer', 'data-storage'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_instruments_unit ON instruments (unit_code, instrument_class, active);

-- Times an instrument cannot be booked. Half-open [starts_at, ends_at).
CREATE TABLE maintenance_windows (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  instrument_id  BIGINT       NOT NULL,
  starts_at      TIMESTAMP(6) NOT NULL,
  ends_at        TIMESTAMP(6) NOT NULL,
  reason         VARCHAR(500) NOT NULL,
  CONSTRAINT fk_maintenance_windows_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT ck_maintenance_windows_order CHECK (ends_at > starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_maintenance_windows_instrument ON maintenance_windows (instrument_id, starts_at, ends_at);

-- A unit coordinator's decision on a case, one per unit-support process instance (the desk may plan a
-- unit again after a return: that is a new instance and a new round).
CREATE TABLE unit_assignments (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id               BIGINT       NOT NULL,
  unit_code             VARCHAR(40)  NOT NULL,
  round_no              INT          NOT NULL,
  process_instance_key  BIGINT       NOT NULL,
  decision              VARCHAR(10)  NOT NULL,
  lead_operator         VARCHAR(200),
  estimated_hours       DECIMAL(7,2),
  instrument_class      VARCHAR(40),
  preferred_start       DATE,
  return_reason         TEXT,
  decided_at            TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_unit_assignments_instance UNIQUE (process_instance_key),
  CONSTRAINT uk_unit_assignments_round UNIQUE (case_id, unit_code, round_no),
  CONSTRAINT fk_unit_assignments_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fk_unit_assignments_unit FOREIGN KEY (unit_code) REFERENCES support_units (code),
  CONSTRAINT ck_unit_assignments_decision CHECK (decision IN ('accept', 'return')),
  CONSTRAINT ck_unit_assignments_accept CHECK (
    decision <> 'accept' OR (lead_operator IS NOT NULL AND estimated_hours > 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_unit_assignments_case ON unit_assignments (case_id, unit_code);

INSERT INTO support_units (code, name_ja, name_en, description) VALUES
('structure', 'タンパク質構造解析', 'Protein structure analysis',
 'X-ray crystallography, SAXS, cryo-EM single particle analysis and tomography, neutron crystallography and NMR.'),
('imaging', 'イメージング・画像解析', 'Imaging and image analysis',
 'Confocal and light-sheet microscopy, super-resolution imaging and quantitative image analysis.'),
('omics', '細胞解析・マルチオミクス・シーズ探索', 'Cell analysis, multi-omics and seed discovery',
 'Proteomics and metabolomics by mass spectrometry, next-generation sequencing, flow cytometry and target discovery.'),
('invivo', 'in vivo・生体模倣評価', 'In vivo and biomimetic evaluation',
 'Pharmacology and toxicology in animal models, organoids and organ-on-chip systems.'),
('screening', '化合物ライブラリー・スクリーニング', 'Compound libraries and screening',
 'Access to the national compound library, high-throughput screening and in-silico screening.'),
('medchem', '創薬化学（ヒット・トゥ・リード）', 'Medicinal chemistry and hit-to-lead',
 'Synthesis of analogues, structure-activity relationships and hit-to-lead optimisation.'),
('admet', 'ADMET評価', 'ADMET',
 'Absorption, distribution, metabolism, excretion and toxicity profiling by LC-MS/MS and in vitro assays.'),
('biologics', 'ペプチド・核酸・抗体の生産', 'Peptide, nucleic-acid and antibody production',
 'Production of peptides, oligonucleotides and antibodies, and their quality control.'),
('insilico', 'データ解析・インシリコ支援', 'Data analysis and in-silico support',
 'Molecular simulation, structure prediction, bioinformatics and AI-assisted data analysis on a shared cluster.'),
('data', 'データマネジメント', 'Data management',
 'Managed storage, curation and publication of the datasets produced with the support (EMPIAR, PDB, jPOST...).');

INSERT INTO instruments (id, unit_code, name, instrument_class, location, hourly_upkeep_yen, operator_assisted, active) VALUES
(1,  'structure', 'Titan Krios G4 (Osaka)', 'cryo-em', 'Institute for Protein Research, Osaka University (Suita)', 50000, TRUE, TRUE),
(2,  'structure', 'Glacios (Yokohama)', 'cryo-em', 'RIKEN Yokohama Campus', 20000, FALSE, TRUE),
(3,  'structure', 'SPring-8 BL44XU macromolecular crystallography', 'xray', 'SPring-8 (Sayo, Hyogo)', 30000, TRUE, TRUE),
(4,  'structure', 'Bruker AVANCE NEO 800 MHz NMR', 'nmr', 'Yokohama City University (Tsurumi)', 8000, TRUE, TRUE),
(5,  'structure', 'Photon Factory BL-10C SAXS', 'saxs', 'KEK Photon Factory (Tsukuba)', 12000, FALSE, TRUE),
(6,  'structure', 'J-PARC MLF iBIX neutron diffractometer', 'neutron', 'J-PARC MLF (Tokai, Ibaraki)', 40000, TRUE, TRUE),
(7,  'imaging', 'Zeiss LSM 980 Airyscan 2 confocal', 'confocal', 'Graduate School of Medicine, Kyoto University', 3000, FALSE, TRUE),
(8,  'imaging', 'Zeiss Lightsheet 7', 'light-sheet', 'Graduate School of Medicine, Kyoto University', 4000, FALSE, TRUE),
(9,  'omics', 'Orbitrap Exploris 480 mass spectrometer', 'mass-spec', 'Kazusa DNA Research Institute (Kisarazu)', 12000, TRUE, TRUE),
(10, 'omics', 'Illumina NovaSeq 6000 sequencer', 'sequencer', 'Institute of Medical Science, University of Tokyo', 20000, TRUE, TRUE),
(11, 'omics', 'BD FACSymphony A5 flow cytometer', 'flow-cytometer', 'Institute of Medical Science, University of Tokyo', 5000, FALSE, TRUE),
(12, 'invivo', 'SPF mouse facility (Kobe)', 'animal-facility', 'RIKEN Kobe Campus', 2000, TRUE, TRUE),
(13, 'screening', 'HTS robotic platform (Biomek i7 + PHERAstar FSX)', 'hts-robot', 'Drug Discovery Initiative, University of Tokyo', 10000, TRUE, TRUE),
(14, 'medchem', 'Parallel synthesis laboratory (Biotage Initiator+)', 'synthesis', 'Graduate School of Pharmaceutical Sciences, Tohoku University', 3000, TRUE, TRUE),
(15, 'admet', 'SCIEX Triple Quad 6500+ LC-MS/MS', 'lc-ms', 'National Institutes of Biomedical Innovation, Health and Nutrition (Ibaraki, Osaka)', 8000, TRUE, TRUE),
(16, 'biologics', 'CEM Liberty Blue peptide synthesizer', 'peptide-synthesizer', 'Graduate School of Science, Osaka University (Toyonaka)', 2500, TRUE, TRUE),
(17, 'insilico', 'GPU compute cluster (64 x A100)', 'compute-cluster', 'RIKEN Center for Computational Science (Kobe)', 1500, FALSE, TRUE),
(18, 'data', 'Managed research data store (1 PB)', 'data-storage', 'National Institute of Genetics (Mishima)', 200, FALSE, TRUE);
