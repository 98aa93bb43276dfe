/* Appended to Material's search worker by sitebuild/render/search.py. Material turns every query word into a prefix
   query ("modellen*"), and lunr skips the stemmer for such words, so a stemmed index could not find "modellen"
   (indexed as "modell") or "overfitting" ("overfit"). Stem the word and keep the prefix match: "modell*". */
(() => {
  let stemmer = null; // the search pipeline of the index the worker built: this page's language
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    stemmer = this.searchPipeline;
    return build.call(this);
  };
  const clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    const word = /^([^*]+)\*$/.exec(c.term || "");
    const [stem] = stemmer && word && c.usePipeline === false ? stemmer.runString(word[1]) : [];
    return clause.call(this, stem ? { ...c, term: `${stem}*` } : c);
  };
})();
