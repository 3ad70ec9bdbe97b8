// Which of the cited files are registered source documents.
UNWIND $files AS file
MATCH (s:Source {file: file})
RETURN s.file AS file
