"""Plan templates for `kam new`, in English and German."""
