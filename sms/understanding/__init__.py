"""Understanding ordinary texts: the topic they name and the intent they ask
(`sms.understanding.matcher.understand`, pure). The crisis screener
(`sms.screening`) always reads a text first."""
