-- The bigram function costs what it costs (ADR 0020): about 7 µs a row in PL/pgSQL, where the default COST 100 tells
-- the planner it is nearly free. With the default, a text search whose term is rare or absent walked the found_on
-- index in ledger order, computing the function for every row (7.5 s on 1M hazards) instead of asking the GIN index
-- (6 ms). COST 10000 makes a plan that evaluates it row by row as dear as it is.
ALTER FUNCTION anzhi_text_bigrams(VARIADIC text[]) COST 10000;
